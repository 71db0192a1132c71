package dev.corsaudit.conformance;

import java.util.List;

/**
 * What one real browser sent to one redirect hop of a case ({@code <case url>/<n>}), in the
 * recorded form: the page origin as {origin}, a tainted origin as "null".
 *
 * @param preflights OPTIONS requests the hop saw
 * @param requestMethodHeader that preflight's Access-Control-Request-Method, or null
 * @param requestHeadersHeader that preflight's Access-Control-Request-Headers, or null
 * @param preflightOrigin that preflight's Origin, or null
 * @param actuals non-OPTIONS requests the hop saw
 * @param method the request's method, or null when none arrived
 * @param origin the request's Origin header, or null
 * @param headers which of the page's own header names (lower case, as the case sets them) the
 *     request still carried: so whether Authorization or Content-Type survived the redirect
 * @param body the request body that arrived, or null for none
 */
public record HopObservation(
    int preflights,
    String requestMethodHeader,
    String requestHeadersHeader,
    String preflightOrigin,
    int actuals,
    String method,
    String origin,
    List<String> headers,
    String body) {

  public HopObservation {
    headers = List.copyOf(headers);
  }

  /** The hop as the server saw it, with the page's header names picked out and origins masked. */
  static HopObservation of(
      TargetServer.Sighting seen, List<String> pageHeaderNames, String pageOrigin) {
    return new HopObservation(
        seen.preflights(),
        seen.requestMethodHeader(),
        seen.requestHeadersHeader(),
        masked(seen.preflightOrigin(), pageOrigin),
        seen.actuals(),
        seen.actualMethod(),
        masked(seen.actualOrigin(), pageOrigin),
        pageHeaderNames.stream().filter(seen.actualHeaderNames()::contains).toList(),
        seen.actualBody());
  }

  static String masked(String origin, String pageOrigin) {
    return origin != null && origin.equals(pageOrigin) ? CaseResponse.ORIGIN_PLACEHOLDER : origin;
  }
}
