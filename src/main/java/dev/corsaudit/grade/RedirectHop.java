package dev.corsaudit.grade;

import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.NetworkError;
import dev.corsaudit.model.NetworkErrorKind;
import dev.corsaudit.model.SentRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request fetch() made after a redirect of the actual request: the request as it then was (URL,
 * method, Origin — "null" once tainted — and headers), its own preflight when it needed one, and
 * what came back.
 *
 * @param preflight the preflight sent before it, or null when none was needed
 * @param refusal why fetch() refused to follow the redirect {@code request} got (a network error in
 *     every browser, so a FAIL), or null for a hop that was sent
 * @param enginePreflights the hop preflights of engines that send another one than {@code
 *     preflight} (Firefox's carries the page's origin, WebKit's the first request's headers: {@link
 *     HopPreflight}); usually empty
 */
public record RedirectHop(
    CorsRequest request,
    RequestPlans plans,
    Exchange preflight,
    Exchange response,
    Refusal refusal,
    Map<Engine, Exchange> enginePreflights) {

  public RedirectHop {
    enginePreflights = Map.copyOf(enginePreflights);
  }

  public RedirectHop(
      CorsRequest request, RequestPlans plans, Exchange preflight, Exchange response) {
    this(request, plans, preflight, response, null, Map.of());
  }

  public RedirectHop(
      CorsRequest request,
      RequestPlans plans,
      Exchange preflight,
      Exchange response,
      Refusal refusal) {
    this(request, plans, preflight, response, refusal, Map.of());
  }

  /** The hop preflight {@code engine} sent, when it sent one. */
  public Exchange preflightFor(Engine engine) {
    return enginePreflights.getOrDefault(engine, preflight);
  }

  /** One of the hop's other preflights and the engines that sent it (in engine order). */
  public record OtherPreflight(List<Engine> engines, Exchange exchange) {}

  /**
   * {@link #enginePreflights} grouped by the exchange each engine sent (one recorded exchange may
   * stand for several engines), in engine order: what the reports list.
   */
  public List<OtherPreflight> otherPreflights() {
    List<OtherPreflight> out = new java.util.ArrayList<>();
    for (Engine engine : Engine.values()) {
      Exchange exchange = enginePreflights.get(engine);
      if (exchange == null) {
        continue;
      }
      OtherPreflight group =
          out.stream().filter(g -> g.exchange() == exchange).findFirst().orElse(null);
      if (group == null) {
        out.add(new OtherPreflight(new java.util.ArrayList<>(List.of(engine)), exchange));
      } else {
        group.engines().add(engine);
      }
    }
    return out.stream()
        .map(g -> new OtherPreflight(List.copyOf(g.engines()), g.exchange()))
        .toList();
  }

  /** The same hop, its response now known. */
  public RedirectHop withResponse(Exchange answer) {
    return new RedirectHop(request, plans, preflight, answer, refusal, enginePreflights);
  }

  /**
   * Why fetch() did not follow a redirect.
   *
   * @param location the Location it could not use, or null when there were too many redirects
   */
  public record Refusal(String why, String location) {}

  /**
   * A redirect fetch() refuses to follow (too many, or a Location it cannot use): the chain ends in
   * a network error at {@code request}, the request that got the redirect.
   *
   * @param location the unusable Location, or null when the limit of redirects was reached
   */
  public static RedirectHop refused(CorsRequest request, String why, String location) {
    return new RedirectHop(
        request, RequestPlans.of(request), null, error(request, why), new Refusal(why, location));
  }

  /**
   * A hop the audit did not send although a browser would have (a replica run does not follow a
   * redirect to another host): graded as an ERROR, since there is no answer to grade.
   */
  public static RedirectHop unreached(CorsRequest request, String why) {
    return new RedirectHop(request, RequestPlans.of(request), null, error(request, why), null);
  }

  private static Exchange error(CorsRequest request, String why) {
    SentRequest sent =
        new SentRequest(request.method(), request.url(), "HTTP/1.1", request.headers(), List.of());
    return Exchange.ofError(
        sent, new NetworkError(NetworkErrorKind.PROTOCOL, why), Instant.now(), 0);
  }
}
