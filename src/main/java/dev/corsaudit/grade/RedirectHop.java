package dev.corsaudit.grade;

import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.NetworkError;
import dev.corsaudit.model.NetworkErrorKind;
import dev.corsaudit.model.SentRequest;
import java.time.Instant;
import java.util.List;

/**
 * One request fetch() made after a redirect of the actual request: the request as it then was (URL,
 * method, Origin — "null" once tainted — and headers), its own preflight when it needed one, and
 * what came back.
 *
 * @param preflight the preflight sent before it, or null when none was needed
 */
public record RedirectHop(
    CorsRequest request, RequestPlans plans, Exchange preflight, Exchange response) {

  /**
   * A redirect fetch() refuses to follow (too many, or a Location it cannot use): the chain ends in
   * a network error at {@code request}, the request that got the redirect.
   */
  public static RedirectHop refused(CorsRequest request, String why) {
    SentRequest sent =
        new SentRequest(request.method(), request.url(), "HTTP/1.1", request.headers(), List.of());
    Exchange error =
        Exchange.ofError(sent, new NetworkError(NetworkErrorKind.PROTOCOL, why), Instant.now(), 0);
    return new RedirectHop(request, RequestPlans.of(request), null, error);
  }
}
