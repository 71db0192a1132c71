package dev.corsaudit.audit;

import dev.corsaudit.fetch.BrowserRequests;
import dev.corsaudit.fetch.Redirects;
import dev.corsaudit.grade.Grader;
import dev.corsaudit.grade.HopPreflight;
import dev.corsaudit.grade.RedirectHop;
import dev.corsaudit.grade.RequestPlans;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.PreflightPlan;
import dev.corsaudit.probe.Prober;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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
    // Sent when any browser engine preflights the hop (Firefox and WebKit preflight every hop of a
    // preflighted request); the chain goes on while the hop's preflight passes in some engine.
    PreflightPlan hopPreflight = HopPreflight.toSend(firstPlans, plans);
    CompletableFuture<Exchange> preflight =
        hopPreflight != null
            ? prober.send(BrowserRequests.preflight(next, hopPreflight, nextProbe, userAgent))
            : CompletableFuture.completedFuture(null);
    return preflight.thenCompose(
        sentPreflight -> {
          if (sentPreflight != null
              && !Grader.hopPreflightPassesSomewhere(
                  page, firstPlans, new RedirectHop(next, plans, sentPreflight, null))) {
            hops.add(new RedirectHop(next, plans, sentPreflight, null));
            return CompletableFuture.completedFuture(hops);
          }
          return prober
              .send(BrowserRequests.actual(next, nextProbe, userAgent, nextBody))
              .thenCompose(
                  answer -> {
                    hops.add(new RedirectHop(next, plans, sentPreflight, answer));
                    return next(page, firstPlans, next, plans, nextProbe, nextBody, answer, hops);
                  });
        });
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
