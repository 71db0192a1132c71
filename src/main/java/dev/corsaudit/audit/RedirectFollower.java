package dev.corsaudit.audit;

import dev.corsaudit.fetch.BrowserRequests;
import dev.corsaudit.fetch.Redirects;
import dev.corsaudit.grade.Engine;
import dev.corsaudit.grade.Grader;
import dev.corsaudit.grade.HopPreflight;
import dev.corsaudit.grade.RedirectHop;
import dev.corsaudit.grade.RequestPlans;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.probe.Prober;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Follows redirects of the actual request as fetch() does (redirect mode "follow"): each hop's
 * response is CORS-checked with the Origin of that hop, the next request is made with the method,
 * headers and Origin the redirect leaves (see {@link Redirects}), preflighted again when it still
 * needs it, and more than {@link Redirects#MAX} redirects is a network error. Records every hop;
 * the grader judges the chain.
 */
final class RedirectFollower {

  private final Prober prober;
  private final String userAgent;

  RedirectFollower(Prober prober, String userAgent) {
    this.prober = prober;
    this.userAgent = userAgent;
  }

  /**
   * @param first the page's request as sent first
   * @param plans its plans, made once for the row
   * @param probeUrl where it was sent (the real URL, or a replica's)
   * @param body the request body, re-sent unless a redirect turns the request into a GET
   * @param response the first response
   */
  CompletableFuture<List<RedirectHop>> follow(
      CorsRequest first, RequestPlans plans, String probeUrl, byte[] body, Exchange response) {
    return next(first, plans, first, plans, probeUrl, body, response, new ArrayList<>());
  }

  private CompletableFuture<List<RedirectHop>> next(
      CorsRequest page,
      RequestPlans firstPlans,
      CorsRequest current,
      RequestPlans currentPlans,
      String currentProbe,
      byte[] body,
      Exchange response,
      List<RedirectHop> hops) {
    if (response == null
        || response.response() == null
        || !Redirects.isFollowed(
            response.response().status(), response.response().header("Location"))
        || !Grader.corsCheckPasses(current, currentPlans, response)) {
      // Not a redirect, or one the browser already blocks: the chain ends here.
      return CompletableFuture.completedFuture(hops);
    }
    int status = response.response().status();
    String location = response.response().header("Location");
    if (hops.size() >= Redirects.MAX) {
      hops.add(RedirectHop.refused(current, "more than " + Redirects.MAX + " redirects", null));
      return CompletableFuture.completedFuture(hops);
    }
    Redirects.Step step = Redirects.follow(current, page.origin(), status, location);
    if (step.failure() != null) {
      hops.add(RedirectHop.refused(current, step.failure(), location));
      return CompletableFuture.completedFuture(hops);
    }
    CorsRequest next = step.request();
    String nextProbe = probeUrl(current.url(), currentProbe, next.url(), location);
    if (nextProbe == null) {
      hops.add(
          RedirectHop.unreached(
              next,
              "not followed: the replica redirects to another host ("
                  + URI.create(next.url()).getHost()
                  + "), which a loopback run does not contact"));
      return CompletableFuture.completedFuture(hops);
    }
    byte[] nextBody = step.bodyDropped() ? null : body;
    RequestPlans plans = RequestPlans.of(next);
    // Each distinct hop preflight some browser engine sends, sent once (Firefox and WebKit
    // preflight
    // every hop of a preflighted request, Firefox with the page's origin, WebKit with the first
    // request's headers); the chain goes on while the hop's preflight passes in some engine.
    Map<HopPreflight.Sent, List<Engine>> wanted =
        HopPreflight.toSend(page, firstPlans, next, plans);
    List<CompletableFuture<Exchange>> sends = new ArrayList<>();
    for (HopPreflight.Sent sent : wanted.keySet()) {
      sends.add(
          prober.send(
              BrowserRequests.preflight(
                  next.withOrigin(sent.origin()), sent.plan(), nextProbe, userAgent)));
    }
    return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
        .thenCompose(
            sent -> {
              RedirectHop hop = hopWithPreflights(next, plans, wanted, sends);
              if (hop.preflight() != null
                  && !Grader.hopPreflightPassesSomewhere(page, firstPlans, hop)) {
                hops.add(hop);
                return CompletableFuture.completedFuture(hops);
              }
              return prober
                  .send(BrowserRequests.actual(next, nextProbe, userAgent, nextBody))
                  .thenCompose(
                      answer -> {
                        hops.add(hop.withResponse(answer));
                        return next(
                            page, firstPlans, next, plans, nextProbe, nextBody, answer, hops);
                      });
            });
  }

  /**
   * The hop with its preflights: the first one sent (the top engine's when it sends one) as the
   * hop's preflight, the others for the engines that sent them.
   */
  private static RedirectHop hopWithPreflights(
      CorsRequest next,
      RequestPlans plans,
      Map<HopPreflight.Sent, List<Engine>> wanted,
      List<CompletableFuture<Exchange>> sends) {
    Exchange main = null;
    Map<Engine, Exchange> others = new EnumMap<>(Engine.class);
    int i = 0;
    for (List<Engine> engines : wanted.values()) {
      Exchange exchange = sends.get(i++).join();
      if (main == null) {
        main = exchange;
      } else {
        engines.forEach(engine -> others.put(engine, exchange));
      }
    }
    return new RedirectHop(next, plans, main, null, null, others);
  }

  /**
   * Where the next hop is sent: the next URL itself in a live run; in a replica run, the same path
   * on the replica when the redirect stays on the endpoint's host, else nowhere (null).
   */
  static String probeUrl(String pageUrl, String probeUrl, String nextPageUrl, String location) {
    if (pageUrl.equals(probeUrl)) {
      return nextPageUrl;
    }
    URI page = URI.create(pageUrl);
    URI next = URI.create(nextPageUrl);
    boolean sameHost =
        page.getScheme().equalsIgnoreCase(next.getScheme())
            && page.getHost().equalsIgnoreCase(next.getHost())
            && page.getPort() == next.getPort();
    if (!sameHost) {
      return null;
    }
    URI probe = URI.create(probeUrl);
    return probe.getScheme()
        + "://"
        + probe.getRawAuthority()
        + next.getRawPath()
        + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
  }
}
