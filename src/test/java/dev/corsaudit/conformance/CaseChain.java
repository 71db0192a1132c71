package dev.corsaudit.conformance;

import dev.corsaudit.fetch.BrowserRequests;
import dev.corsaudit.fetch.Redirects;
import dev.corsaudit.grade.Engine;
import dev.corsaudit.grade.Grader;
import dev.corsaudit.grade.HopPreflight;
import dev.corsaudit.grade.RedirectHop;
import dev.corsaudit.grade.RequestPlans;
import dev.corsaudit.grade.Verdict;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.PlannedRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A case graded as cors-audit grades a live row: the actual request's redirects are followed the
 * way the audit's RedirectFollower follows them ({@link Redirects#follow} for each next request,
 * the hop's own preflight when it needs one, the chain ending where the CORS check or a redirect
 * fails), answered from the case's responses as the target server answers them, then {@link
 * Grader#grade} judges the whole chain per engine.
 */
public final class CaseChain {

  private CaseChain() {}

  /** The grader's verdict on {@code c} with the target at {@code target}. */
  public static Verdict grade(ConformanceCase c, String target) {
    String origin = ConformanceCase.GRADING_ORIGIN;
    CorsRequest request = c.toCorsRequest(target, origin);
    RequestPlans plans = RequestPlans.of(request);
    Exchange preflight = c.toPreflightExchange(target, origin);
    Exchange actual = c.toActualExchange(target, origin);
    return Grader.grade(
        request,
        plans,
        preflight == null ? Map.of() : everyEngine(preflight),
        actual,
        hops(c, target, request, plans, actual));
  }

  private static Map<Engine, Exchange> everyEngine(Exchange preflight) {
    Map<Engine, Exchange> all = new java.util.EnumMap<>(Engine.class);
    for (Engine engine : Engine.values()) {
      all.put(engine, preflight);
    }
    return all;
  }

  /** The hops after the first response, as RedirectFollower would record them. */
  static List<RedirectHop> hops(
      ConformanceCase c,
      String target,
      CorsRequest first,
      RequestPlans firstPlans,
      Exchange response) {
    List<RedirectHop> hops = new ArrayList<>();
    CorsRequest current = first;
    RequestPlans plans = firstPlans;
    while (response.response() != null
        && Redirects.isFollowed(
            response.response().status(), response.response().header("Location"))
        && Grader.corsCheckPasses(current, plans, response)) {
      String location = response.response().header("Location");
      if (hops.size() >= Redirects.MAX) {
        hops.add(RedirectHop.refused(current, "more than " + Redirects.MAX + " redirects", null));
        break;
      }
      int status = response.response().status();
      Redirects.Step step = Redirects.follow(current, first.origin(), status, location);
      if (step.failure() != null) {
        hops.add(RedirectHop.refused(current, step.failure(), location));
        break;
      }
      CorsRequest next = step.request();
      RequestPlans nextPlans = RequestPlans.of(next);
      CaseHop answers = answersAt(c, next.url());
      Exchange preflight = null;
      // As RedirectFollower: sent when any browser engine preflights the hop. The case's server
      // gives every hop preflight the same answer, so the first one stands for all engines.
      java.util.Map<HopPreflight.Sent, java.util.List<dev.corsaudit.grade.Engine>> sends =
          HopPreflight.toSend(first, firstPlans, next, nextPlans);
      if (!sends.isEmpty()) {
        HopPreflight.Sent hopPreflight = sends.keySet().iterator().next();
        preflight =
            send(
                BrowserRequests.preflight(
                    next.withOrigin(hopPreflight.origin()), hopPreflight.plan(), next.url(), UA),
                target,
                next,
                answers == null ? null : answers.preflight(),
                true);
        if (!Grader.hopPreflightPassesSomewhere(
            first, firstPlans, new RedirectHop(next, nextPlans, preflight, null))) {
          hops.add(new RedirectHop(next, nextPlans, preflight, null));
          break;
        }
      }
      Exchange answer =
          send(
              BrowserRequests.actual(next, next.url(), UA, null),
              target,
              next,
              answers == null ? null : answers.response(),
              false);
      hops.add(new RedirectHop(next, nextPlans, preflight, answer));
      current = next;
      plans = nextPlans;
      response = answer;
    }
    return hops;
  }

  private static final String UA = BrowserRequests.DEFAULT_USER_AGENT;

  /** What the target serves at {@code url}: hop n of the case, or null for anything else. */
  private static CaseHop answersAt(ConformanceCase c, String url) {
    String path = URI.create(url).getRawPath();
    String prefix = "/case/" + c.id() + "/";
    int at = path == null ? -1 : path.indexOf(prefix);
    if (at < 0) {
      return null;
    }
    String n = path.substring(at + prefix.length());
    if (!n.matches("[1-9][0-9]{0,2}") || Integer.parseInt(n) > c.redirects().size()) {
      return null;
    }
    return c.redirects().get(Integer.parseInt(n) - 1);
  }

  /**
   * The exchange for a request the target answers with {@code answer}; a missing answer is what the
   * target server sends then (a plain 403 to a preflight, 404 to anything else).
   */
  private static Exchange send(
      PlannedRequest sent,
      String target,
      CorsRequest request,
      CaseResponse answer,
      boolean preflight) {
    CaseResponse played =
        answer != null
            ? answer
            : new CaseResponse(
                preflight ? 403 : 404, List.of(), "not here", "text/plain", List.of());
    return ConformanceCase.exchange(
        sent.method(), sent.url(), sent.headers(), played, ConformanceCase.GRADING_ORIGIN, target);
  }
}
