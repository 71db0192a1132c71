package dev.corsaudit.grade;

/**
 * The line each browser's console prints when it blocks a request, so a user can match what they
 * see in DevTools to our report. Texts are those real Chromium 156 and Firefox 153 printed in the
 * conformance suite; WebKit's are what WebKitGTK 2.50 printed there (its reason line, then "Fetch
 * API cannot load URL due to access control checks.", joined with a newline).
 */
final class ConsoleMessages {

  private static final String CHROMIUM_PREFLIGHT =
      "Response to preflight request doesn't pass access control check: ";
  private static final String CHROMIUM_VALID =
      " Have the server send the header with a valid value.";

  private ConsoleMessages() {}

  static String of(Engine engine, Block block, String url, String origin) {
    if (block == null || (engine.proxyAuthIsNetworkError() && block.status() == 407)) {
      // A failure no console reports: Chromium turns a 407 (preflight or actual) into a network
      // error without any CORS console line.
      return null;
    }
    return switch (engine) {
      case CHROMIUM -> chromium(block, url, origin);
      case FIREFOX -> firefox(block, url);
      case WEBKIT ->
          // WebKit prints two lines: the reason, then which fetch it blocked.
          webkit(block, origin)
              + "\nFetch API cannot load "
              + url
              + " due to access control checks.";
      case SPEC -> null;
    };
  }

  private static String chromium(Block b, String url, String origin) {
    String head =
        "Access to fetch at '"
            + url
            + "' from origin '"
            + origin
            + "' has been blocked by CORS policy: ";
    return switch (b.kind()) {
      case PREFLIGHT_REDIRECT ->
          head + CHROMIUM_PREFLIGHT + "Redirect is not allowed for a preflight request.";
      case PREFLIGHT_STATUS -> head + CHROMIUM_PREFLIGHT + "It does not have HTTP ok status.";
      case PREFLIGHT_ALLOW_ORIGIN -> head + CHROMIUM_PREFLIGHT + chromiumAllowOrigin(b);
      case ACTUAL_ALLOW_ORIGIN -> head + chromiumAllowOrigin(b);
      case ALLOW_METHODS_PARSE ->
          head
              + "Cannot parse Access-Control-Allow-Methods response header field in preflight response.";
      case ALLOW_HEADERS_PARSE ->
          head
              + "Cannot parse Access-Control-Allow-Headers response header field in preflight response.";
      case METHOD ->
          head
              + "Method "
              + b.item()
              + " is not allowed by Access-Control-Allow-Methods in preflight response.";
      case HEADER ->
          head
              + "Request header field "
              + b.item()
              + " is not allowed by Access-Control-Allow-Headers in preflight response.";
    };
  }

  private static String chromiumAllowOrigin(Block b) {
    return switch (b.acao()) {
      case MISSING ->
          "No 'Access-Control-Allow-Origin' header is present on the requested resource.";
      case MULTIPLE ->
          "The 'Access-Control-Allow-Origin' header contains multiple values '"
              + b.value()
              + "', but only one is allowed."
              + CHROMIUM_VALID;
      case INVALID ->
          "The 'Access-Control-Allow-Origin' header contains the invalid value '"
              + b.value()
              + "'."
              + CHROMIUM_VALID;
      case MISMATCH ->
          "The 'Access-Control-Allow-Origin' header has a value '"
              + b.value()
              + "' that is not equal to the supplied origin."
              + CHROMIUM_VALID;
      case WILDCARD_WITH_CREDENTIALS ->
          "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.";
      case INVALID_CREDENTIALS ->
          "The value of the 'Access-Control-Allow-Credentials' header in the response is '"
              + b.value()
              + "' which must be 'true' when the request's credentials mode is 'include'.";
      case OK -> throw new IllegalArgumentException("OK is not a block");
    };
  }

  private static String firefox(Block b, String url) {
    String head =
        "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ";
    String at = head + url + ". (Reason: ";
    return switch (b.kind()) {
      case PREFLIGHT_REDIRECT -> at + "CORS request external redirect not allowed).";
      case PREFLIGHT_STATUS ->
          at + "CORS preflight response did not succeed). Status code: " + b.status() + ".";
      case PREFLIGHT_ALLOW_ORIGIN, ACTUAL_ALLOW_ORIGIN ->
          switch (b.acao()) {
            case MISSING ->
                at
                    + "CORS header ‘Access-Control-Allow-Origin’ missing). Status code: "
                    + b.status()
                    + ".";
            case WILDCARD_WITH_CREDENTIALS ->
                head
                    + "‘"
                    + url
                    + "’. (Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’).";
            case INVALID_CREDENTIALS ->
                at + "expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’).";
            case MULTIPLE, INVALID, MISMATCH ->
                b.multipleLines()
                    ? at + "Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed)."
                    : at
                        + "CORS header ‘Access-Control-Allow-Origin’ does not match ‘"
                        + b.value()
                        + "’).";
            case OK -> throw new IllegalArgumentException("OK is not a block");
          };
      case ALLOW_METHODS_PARSE ->
          at + "invalid token ‘" + b.value() + "’ in CORS header ‘Access-Control-Allow-Methods’).";
      case ALLOW_HEADERS_PARSE ->
          at + "invalid token ‘" + b.value() + "’ in CORS header ‘Access-Control-Allow-Headers’).";
      case METHOD -> at + "Did not find method in CORS header ‘Access-Control-Allow-Methods’).";
      case HEADER ->
          at
              + "header ‘"
              + b.item()
              + "’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response).";
    };
  }

  private static String webkit(Block b, String origin) {
    return switch (b.kind()) {
      case PREFLIGHT_REDIRECT, PREFLIGHT_STATUS ->
          "Preflight response is not successful. Status code: " + b.status();
      case PREFLIGHT_ALLOW_ORIGIN, ACTUAL_ALLOW_ORIGIN ->
          switch (b.acao()) {
            case MISSING, MISMATCH, INVALID ->
                "Origin "
                    + origin
                    + " is not allowed by Access-Control-Allow-Origin. Status code: "
                    + b.status();
            case MULTIPLE -> "Access-Control-Allow-Origin cannot contain more than one origin.";
            case WILDCARD_WITH_CREDENTIALS ->
                "Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true.";
            case INVALID_CREDENTIALS ->
                "Credentials flag is true, but Access-Control-Allow-Credentials is not \"true\".";
            case OK -> throw new IllegalArgumentException("OK is not a block");
          };
      case ALLOW_METHODS_PARSE ->
          "Header Access-Control-Allow-Methods has an invalid value: " + b.value();
      case ALLOW_HEADERS_PARSE ->
          "Header Access-Control-Allow-Headers has an invalid value: " + b.value();
      case METHOD -> "Method " + b.item() + " is not allowed by Access-Control-Allow-Methods.";
      case HEADER ->
          "Request header field " + b.item() + " is not allowed by Access-Control-Allow-Headers.";
    };
  }
}
