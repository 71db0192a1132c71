package dev.corsaudit.grade;

import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.NetworkError;
import java.util.List;

/**
 * Every cause's one-line message and fix. Fixes speak the vocabulary of an endpoint CORS policy
 * (allow_origins, allow_methods, allow_headers, allow_credentials, max_age), which is how providers
 * that do CORS right describe it.
 */
final class Causes {

  private Causes() {}

  /** Chromium (and the spec): a 407 from the server is a network error, CORS headers or not. */
  static Cause proxyAuth407() {
    return new Cause(
        CauseCode.ACTUAL_PROXY_AUTH_REQUIRED,
        "The actual response is 407 Proxy Authentication Required: Chromium turns a 407 into a"
            + " network error (\"Failed to fetch\", no console line) even with Access-Control-Allow-Origin;"
            + " Firefox and WebKit hand the 407 to the page",
        "do not answer 407 from the API server (it means a proxy wants credentials); use 401 with"
            + " Access-Control-Allow-Origin");
  }

  static Cause headerBlockRefused(Engine engine, boolean preflight, String why) {
    return new Cause(
        CauseCode.HEADER_BLOCK_REFUSED,
        "The "
            + (preflight ? "preflight" : "actual")
            + " response's header block has "
            + why
            + ": the HTTP parser fails the fetch "
            + engine.phrase()
            + ", before any CORS check",
        "send header values without NUL, CR or LF bytes (RFC 9110 section 5.5)");
  }

  /** A missing header that was on a malformed line: the same code, the real reason and fix. */
  static Cause unreadLine(Cause missing, String line, Engine engine) {
    return new Cause(
        missing.code(),
        "The response sends \""
            + line
            + "\", but the HTTP parser ignores that line "
            + (engine.browser() ? engine.phrase() : "per RFC 9112")
            + " (whitespace between a header name and its colon is not allowed), so it finds no"
            + " Access-Control-Allow-Origin",
        "send the header with no whitespace before the colon (RFC 9112 section 5.1)",
        missing.detail());
  }

  static Cause allowOrigin(
      AllowOriginCheck.Result result,
      boolean actual,
      boolean preflighted,
      CorsRequest request,
      String value,
      String credentials) {
    String origin = request.origin();
    String where = actual ? "the actual response" : "the preflight response";
    return switch (result) {
      case MISSING ->
          actual
              ? new Cause(
                  CauseCode.ACTUAL_MISSING_ALLOW_ORIGIN,
                  (preflighted
                          ? "The preflight passed but " + where
                          : "The response to this simple request (no preflight needed)")
                      + " has no Access-Control-Allow-Origin: the app sees an"
                      + " opaque \"Failed to fetch\" instead of the provider's answer (error bodies included)",
                  "send Access-Control-Allow-Origin on every response of the endpoint, errors (401, 429, 5xx) included")
              : new Cause(
                  CauseCode.MISSING_ALLOW_ORIGIN,
                  "No Access-Control-Allow-Origin header in " + where,
                  "add "
                      + origin
                      + " to allow_origins (or allow every origin with \"*\" and allow_credentials: false)");
      case MULTIPLE ->
          new Cause(
              actual ? CauseCode.ACTUAL_MULTIPLE_ALLOW_ORIGIN : CauseCode.MULTIPLE_ALLOW_ORIGIN,
              "Access-Control-Allow-Origin in "
                  + where
                  + " has several values ('"
                  + value
                  + "'); browsers accept exactly one",
              "send one Access-Control-Allow-Origin line with one value; a proxy and the app may each be adding one");
      case INVALID ->
          new Cause(
              actual ? CauseCode.ACTUAL_INVALID_ALLOW_ORIGIN : CauseCode.INVALID_ALLOW_ORIGIN,
              "Access-Control-Allow-Origin in "
                  + where
                  + " is not a valid origin ('"
                  + value
                  + "')",
              "send the request's Origin exactly (scheme://host[:port], no path, no quotes) or \"*\"");
      case MISMATCH ->
          new Cause(
              actual ? CauseCode.ACTUAL_ALLOW_ORIGIN_MISMATCH : CauseCode.ALLOW_ORIGIN_MISMATCH,
              "Access-Control-Allow-Origin in "
                  + where
                  + " is '"
                  + value
                  + "', not the page's origin "
                  + origin,
              "add "
                  + origin
                  + " to allow_origins; the match is exact (scheme, host, port; no trailing slash)");
      case WILDCARD_WITH_CREDENTIALS ->
          new Cause(
              actual
                  ? CauseCode.ACTUAL_WILDCARD_WITH_CREDENTIALS
                  : CauseCode.WILDCARD_WITH_CREDENTIALS,
              "Access-Control-Allow-Origin in "
                  + where
                  + " is '*' but the request is sent with credentials: 'include'",
              "allow_origins cannot be '*' when allow_credentials is true: list "
                  + origin
                  + " in allow_origins");
      case INVALID_CREDENTIALS ->
          new Cause(
              actual
                  ? CauseCode.ACTUAL_INVALID_ALLOW_CREDENTIALS
                  : CauseCode.INVALID_ALLOW_CREDENTIALS,
              "Access-Control-Allow-Credentials in "
                  + where
                  + " is '"
                  + credentials
                  + "'; with credentials: 'include' it must be exactly 'true'",
              "set allow_credentials: true (the header value is case-sensitive: true)");
      case OK -> throw new IllegalArgumentException("OK is not a cause");
    };
  }

  static Cause varyWithoutAllow(String vary) {
    return new Cause(
        CauseCode.VARY_WITHOUT_ALLOW,
        "No Access-Control-Allow-* headers returned (only Vary: " + vary + ")",
        "the CORS layer runs but allows nothing: add the page's origin to allow_origins, POST to"
            + " allow_methods and the requested headers to allow_headers");
  }

  static Cause spaFallback(int status) {
    return new Cause(
        CauseCode.SPA_FALLBACK,
        "No CORS headers — OPTIONS falls through to a front-end SPA router (HTML "
            + status
            + " page)",
        "route OPTIONS for the API path to the API gateway and answer it with 204 and the CORS headers");
  }

  static Cause status(int status) {
    String why =
        status == 401 || status == 403
            ? " — this looks like auth middleware answering OPTIONS; a preflight never carries the API key"
            : "";
    return new Cause(
        CauseCode.PREFLIGHT_STATUS,
        "The preflight answered status " + status + "; browsers need 200-299" + why,
        "answer OPTIONS with 204 and the CORS headers before any authentication, routing or method check");
  }

  static Cause redirect(int status, String location) {
    return new Cause(
        CauseCode.PREFLIGHT_REDIRECT,
        "The preflight was redirected ("
            + status
            + (location == null ? "" : " to " + location)
            + "); browsers never follow a redirect for a preflight",
        "call the final URL directly, or answer OPTIONS at this URL with 204 and the CORS headers");
  }

  static Cause redirectRefused(String why) {
    return new Cause(
        CauseCode.REDIRECT_REFUSED,
        "fetch() did not follow a redirect of the actual request ("
            + why
            + "); the page sees a network error",
        "redirect at most 20 times and only to http(s) URLs, or call the final URL directly");
  }

  static Cause invalidList(boolean methods, String element) {
    String header = methods ? "Access-Control-Allow-Methods" : "Access-Control-Allow-Headers";
    return new Cause(
        methods ? CauseCode.INVALID_ALLOW_METHODS : CauseCode.INVALID_ALLOW_HEADERS,
        header + " cannot be parsed: '" + element + "' is not a token",
        "send "
            + header
            + " as a comma-separated list of names (from "
            + (methods ? "allow_methods" : "allow_headers")
            + ")");
  }

  static Cause method(String method, boolean credentialedStar) {
    String extra = credentialedStar ? " ('*' is only a wildcard without credentials)" : "";
    return new Cause(
        CauseCode.METHOD_NOT_ALLOWED,
        "Method "
            + method
            + " is not in Access-Control-Allow-Methods"
            + extra
            + " (the match is case-sensitive)",
        "add " + method + " to allow_methods",
        method);
  }

  /** One cause for all missing headers; detail lists them (lower-case, comma-separated). */
  static Cause headers(List<String> names, boolean credentialedStar) {
    String extra = credentialedStar ? " ('*' is only a wildcard without credentials)" : "";
    String list = String.join(", ", names);
    String message =
        names.size() == 1
            ? "Request header " + list + " is not allowed by Access-Control-Allow-Headers" + extra
            : "Request headers "
                + list
                + " are not allowed by Access-Control-Allow-Headers"
                + extra;
    return new Cause(
        CauseCode.HEADER_NOT_ALLOWED,
        message,
        "add " + list + " to allow_headers",
        String.join(",", names));
  }

  static Cause authorizationNotCoveredBySpec() {
    return new Cause(
        CauseCode.HEADER_NOT_ALLOWED,
        "Request header authorization is not allowed: per the Fetch Standard '*' in Access-Control-Allow-Headers never covers Authorization",
        "add Authorization to allow_headers explicitly (e.g. Access-Control-Allow-Headers: *, Authorization)",
        "authorization");
  }

  static Cause network(NetworkError error) {
    CauseCode code =
        switch (error.kind()) {
          case DNS -> CauseCode.DNS;
          case CONNECT -> CauseCode.CONNECT;
          case TLS -> CauseCode.TLS;
          case TIMEOUT -> CauseCode.TIMEOUT;
          case PROTOCOL -> CauseCode.PROTOCOL;
        };
    String fix =
        error.fix() != null
            ? error.fix()
            : switch (error.kind()) {
              case DNS -> "check the host name in the URL (and the network's DNS)";
              case CONNECT ->
                  "check that the server is running and reachable on that port, and any proxy in between";
              case TLS ->
                  "check the server's certificate (for a test server you trust, certificate checks can be turned off)";
              case TIMEOUT ->
                  "raise the per-request timeout, or check why the host does not answer";
              case PROTOCOL ->
                  "the server (or a proxy) sent a malformed HTTP response; check it with curl -v";
            };
    return new Cause(code, error.message(), fix);
  }
}
