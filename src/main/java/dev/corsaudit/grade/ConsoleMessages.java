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
    return of(engine, block, url, origin, null, origin);
  }

  /**
   * @param url the URL of the blocked request (a redirect hop's own URL)
   * @param origin that request's origin ("null" once a redirect tainted it)
   * @param redirectedFrom the page's URL when the blocked request is a redirect hop, else null
   * @param pageOrigin the page's own origin, which Chromium names even after a taint
   */
  static String of(
      Engine engine,
      Block block,
      String url,
      String origin,
      String redirectedFrom,
      String pageOrigin) {
    if (block == null || (engine.proxyAuthIsNetworkError() && block.status() == 407)) {
      // A failure no console reports: Chromium turns a 407 (preflight or actual) into a network
      // error without any CORS console line.
      return null;
    }
    if (block instanceof Block.RedirectRefused r) {
      return refused(engine, r, url);
    }
    return switch (engine) {
      case CHROMIUM -> chromium(block, url, redirectedFrom, pageOrigin);
      case FIREFOX -> firefox(block, url);
      case WEBKIT ->
          // WebKit prints two lines: the reason, then which fetch it blocked.
          webkit(block, origin) + webkitTail(url);
      case SPEC -> null;
    };
  }

  private static String webkitTail(String url) {
    return "\nFetch API cannot load " + url + " due to access control checks.";
  }

  /**
   * A redirect fetch() would not follow: Chromium's console says nothing (script sees "Failed to
   * fetch"); Firefox and WebKit name the request that got the redirect (conformance rd-chain-21,
   * rd-location-*).
   */
  private static String refused(Engine engine, Block.RedirectRefused r, String url) {
    return switch (engine) {
      case FIREFOX ->
          "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at "
              + url
              + ". (Reason: CORS request did not succeed). Status code: (null).";
      case WEBKIT ->
          (r.location() == null
                  ? "Load cannot follow more than 20 redirections"
                  : "Cross-origin redirection to "
                      + r.location()
                      + " denied by Cross-Origin Resource Sharing policy: not allowed to follow a"
                      + " cross-origin CORS redirection with non CORS scheme")
              + webkitTail(url);
      case CHROMIUM, SPEC -> null;
    };
  }

  private static String chromium(Block b, String url, String redirectedFrom, String origin) {
    String head =
        "Access to fetch at '"
            + url
            + "'"
            + (redirectedFrom == null ? "" : " (redirected from '" + redirectedFrom + "')")
            + " from origin '"
            + origin
            + "' has been blocked by CORS policy: ";
    if (b instanceof Block.PreflightRedirect) {
      return head + CHROMIUM_PREFLIGHT + "Redirect is not allowed for a preflight request.";
    }
    if (b instanceof Block.PreflightStatus) {
      return head + CHROMIUM_PREFLIGHT + "It does not have HTTP ok status.";
    }
    if (b instanceof Block.AllowOrigin a) {
      return head + (a.actual() ? "" : CHROMIUM_PREFLIGHT) + chromiumAllowOrigin(a);
    }
    if (b instanceof Block.AllowListParse p) {
      return head
          + "Cannot parse "
          + listHeader(p)
          + " response header field in preflight response.";
    }
    if (b instanceof Block.MethodNotAllowed m) {
      return head
          + "Method "
          + m.method()
          + " is not allowed by Access-Control-Allow-Methods in preflight response.";
    }
    Block.HeaderNotAllowed h = (Block.HeaderNotAllowed) b;
    return head
        + "Request header field "
        + h.header()
        + " is not allowed by Access-Control-Allow-Headers in preflight response.";
  }

  private static String chromiumAllowOrigin(Block.AllowOrigin b) {
    return switch (b.result()) {
      case MISSING ->
          "No 'Access-Control-Allow-Origin' header is present on the requested resource.";
      case MULTIPLE ->
          "The 'Access-Control-Allow-Origin' header contains multiple values '"
              + b.value()
              + "', but only one is allowed."
              + CHROMIUM_VALID;
      case INVALID ->
          "The 'Access-Control-Allow-Origin' header contains the invalid value '"
              + escapedControls(b.value())
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
    if (b instanceof Block.PreflightRedirect) {
      return at + "CORS request external redirect not allowed).";
    }
    if (b instanceof Block.PreflightStatus s) {
      return at + "CORS preflight response did not succeed). Status code: " + s.status() + ".";
    }
    if (b instanceof Block.AllowOrigin a) {
      return switch (a.result()) {
        case MISSING ->
            at
                + "CORS header ‘Access-Control-Allow-Origin’ missing). Status code: "
                + a.status()
                + ".";
        case WILDCARD_WITH_CREDENTIALS ->
            head
                + "‘"
                + url
                + "’. (Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’).";
        case INVALID_CREDENTIALS ->
            at + "expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’).";
        case MULTIPLE, INVALID, MISMATCH ->
            a.multipleLines()
                ? at + "Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed)."
                : at
                    + "CORS header ‘Access-Control-Allow-Origin’ does not match ‘"
                    + a.value()
                    + "’).";
        case OK -> throw new IllegalArgumentException("OK is not a block");
      };
    }
    if (b instanceof Block.AllowListParse p) {
      return at + "invalid token ‘" + p.value() + "’ in CORS header ‘" + listHeader(p) + "’).";
    }
    if (b instanceof Block.MethodNotAllowed) {
      return at + "Did not find method in CORS header ‘Access-Control-Allow-Methods’).";
    }
    Block.HeaderNotAllowed h = (Block.HeaderNotAllowed) b;
    return at
        + "header ‘"
        + h.header()
        + "’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response).";
  }

  private static String webkit(Block b, String origin) {
    if (b instanceof Block.PreflightRedirect || b instanceof Block.PreflightStatus) {
      return "Preflight response is not successful. Status code: " + b.status();
    }
    if (b instanceof Block.AllowOrigin a && a.redirectedTo() != null) {
      // A redirect that fails the CORS check (conformance rd-redirect-without-acao).
      return "Cross-origin redirection to "
          + a.redirectedTo()
          + " denied by Cross-Origin Resource Sharing policy: "
          + webkit(
              new Block.AllowOrigin(
                  a.actual(), a.result(), a.value(), a.status(), a.multipleLines(), null),
              origin);
    }
    if (b instanceof Block.AllowOrigin a) {
      return switch (a.result()) {
        case MISSING, MISMATCH, INVALID ->
            "Origin "
                + origin
                + " is not allowed by Access-Control-Allow-Origin. Status code: "
                + a.status();
        // WebKit looks for a comma only: "* X" (a lone CR read as a space) is just not allowed.
        case MULTIPLE ->
            a.value() != null && a.value().contains(",")
                ? "Access-Control-Allow-Origin cannot contain more than one origin."
                : "Origin "
                    + origin
                    + " is not allowed by Access-Control-Allow-Origin. Status code: "
                    + a.status();
        case WILDCARD_WITH_CREDENTIALS ->
            "Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true.";
        case INVALID_CREDENTIALS ->
            "Credentials flag is true, but Access-Control-Allow-Credentials is not \"true\".";
        case OK -> throw new IllegalArgumentException("OK is not a block");
      };
    }
    if (b instanceof Block.AllowListParse p) {
      return "Header " + listHeader(p) + " has an invalid value: " + p.value();
    }
    if (b instanceof Block.MethodNotAllowed m) {
      return "Method " + m.method() + " is not allowed by Access-Control-Allow-Methods.";
    }
    Block.HeaderNotAllowed h = (Block.HeaderNotAllowed) b;
    return "Request header field "
        + h.header()
        + " is not allowed by Access-Control-Allow-Headers.";
  }

  /** Chromium quotes a control byte as backslash-u0001 (conformance mh-acao-ctl-01-trailing). */
  private static String escapedControls(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }

  private static String listHeader(Block.AllowListParse p) {
    return p.methods() ? "Access-Control-Allow-Methods" : "Access-Control-Allow-Headers";
  }
}
