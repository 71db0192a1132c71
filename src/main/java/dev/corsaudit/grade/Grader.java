package dev.corsaudit.grade;

import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.PreflightPlan;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Grades a recorded exchange exactly as browsers would. Pure: it sees only the request the page
 * makes and what came back, and never touches the network, the clock or the file system.
 */
public final class Grader {

  private Grader() {}

  /**
   * @param preflight the recorded preflight, or null when the request needs none
   * @param actual the recorded actual request, or null when it was not sent
   */
  public static Verdict grade(CorsRequest request, Exchange preflight, Exchange actual) {
    return grade(request, RequestPlans.of(request), preflight, actual);
  }

  /**
   * @param plans each engine's plan of the request, made once for the row ({@link RequestPlans#of})
   */
  public static Verdict grade(
      CorsRequest request, RequestPlans plans, Exchange preflight, Exchange actual) {
    Map<Engine, Exchange> preflights = new EnumMap<>(Engine.class);
    if (preflight != null) {
      for (Engine engine : Engine.values()) {
        preflights.put(engine, preflight);
      }
    }
    return grade(request, plans, preflights, actual);
  }

  /**
   * Grades each engine on the exchanges it would have made: engines plan a request differently (a
   * page-set User-Agent, client hints), so each may have sent its own preflight, or none.
   *
   * @param preflights each engine's recorded preflight; an engine without one sent none
   */
  public static Verdict grade(
      CorsRequest request, RequestPlans plans, Map<Engine, Exchange> preflights, Exchange actual) {
    return grade(request, plans, preflights, actual, List.of());
  }

  /**
   * @param redirects the requests fetch() made after a redirect of the actual request, in order:
   *     each hop's response gets the CORS check too, with the Origin of that hop, and its preflight
   *     where the engine sends one ({@link HopGrader})
   */
  public static Verdict grade(
      CorsRequest request,
      RequestPlans plans,
      Map<Engine, Exchange> preflights,
      Exchange actual,
      List<RedirectHop> redirects) {
    PreflightPlan plan = plans.top();
    Map<Engine, EngineVerdict> engines = new EnumMap<>(Engine.class);
    for (Engine engine : Engine.values()) {
      EngineVerdict verdict =
          EngineGrader.grade(engine, request, plans.of(engine), preflights.get(engine), actual);
      boolean preflighted = preflights.get(engine) != null && plans.of(engine).preflightNeeded();
      for (RedirectHop hop : redirects) {
        if (verdict.outcome() != Outcome.PASS) {
          break;
        }
        EngineVerdict next = HopGrader.grade(engine, request, plans.of(engine), preflighted, hop);
        // A chain that passes keeps the first preflight's cache time.
        verdict =
            next.outcome() == Outcome.PASS
                ? new EngineVerdict(
                    engine, Outcome.PASS, List.of(), null, verdict.preflightCacheSeconds())
                : next;
      }
      engines.put(engine, verdict);
    }
    if (!redirects.isEmpty()) {
      actual = redirects.get(redirects.size() - 1).response();
    }
    Exchange preflight = preflights.get(Engine.TOP);
    if (preflight == null && !preflights.isEmpty()) {
      preflight = preflights.values().iterator().next();
    }
    // Warnings and readable headers speak of what the top engine read from a raw header block.
    actual = EngineView.exchange(Engine.TOP, actual);
    preflight = EngineView.exchange(Engine.TOP, preflight);
    EngineVerdict chromium = engines.get(Engine.TOP);
    List<String> readable = null;
    if (chromium.outcome() == Outcome.PASS && actual != null && actual.response() != null) {
      readable = ExposedHeaders.readable(actual.response().headers(), request.credentials());
    }
    List<Cause> warnings = Warnings.collect(request, plan, preflight, actual, engines, readable);
    return new Verdict(
        chromium.outcome(), chromium.causes(), warnings, engines, plan.preflightNeeded(), readable);
  }

  /**
   * Whether the top engine lets this response through its CORS check (Access-Control-Allow-Origin
   * and -Credentials): a redirect that fails it ends the chain.
   *
   * @param plans the request's plans, as made for it once
   */
  public static boolean corsCheckPasses(
      CorsRequest request, RequestPlans plans, Exchange response) {
    return EngineGrader.grade(Engine.TOP, request, plans.top(), null, response).outcome()
        == Outcome.PASS;
  }

  /**
   * Whether some browser engine goes on to send a redirect hop's request after the hop's preflight
   * (engines differ: Firefox's hop preflight carries the page's origin, so it can pass where
   * Chromium's fails): the audit's decision to send the hop's request.
   *
   * @param page the page's request
   * @param pagePlans its plans
   * @param hop the hop with its preflight and no response yet
   */
  public static boolean hopPreflightPassesSomewhere(
      CorsRequest page, RequestPlans pagePlans, RedirectHop hop) {
    for (Engine engine : Engine.values()) {
      PreflightPlan first = pagePlans.of(engine);
      if (engine.browser()
          && HopGrader.grade(engine, page, first, first.preflightNeeded(), hop).outcome()
              == Outcome.PASS) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the top engine would go on to send the actual request after this preflight: the audit's
   * decision to send it, made without grading the whole row twice.
   */
  public static boolean preflightPasses(
      CorsRequest request, RequestPlans plans, Exchange preflight) {
    return EngineGrader.grade(Engine.TOP, request, plans.top(), preflight, null).outcome()
        == Outcome.PASS;
  }
}
