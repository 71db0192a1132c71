package dev.corsaudit.grade;

/**
 * The first check that blocked the request in one engine: what its console reports. One record per
 * reason, each with only what its console line needs.
 */
sealed interface Block
    permits Block.PreflightRedirect,
        Block.PreflightStatus,
        Block.AllowOrigin,
        Block.AllowListParse,
        Block.MethodNotAllowed,
        Block.HeaderNotAllowed,
        Block.RedirectRefused {

  /** The status of the response that was blocked. */
  int status();

  /** The preflight was answered with a redirect. */
  record PreflightRedirect(int status) implements Block {}

  /** The preflight's status is not 200–299. */
  record PreflightStatus(int status) implements Block {}

  /**
   * The CORS check (Access-Control-Allow-Origin and -Credentials) failed.
   *
   * @param actual on the actual response rather than the preflight
   * @param value the offending ACAO (or, for credentials, ACAC) value
   * @param multipleLines ACAO came on more than one line
   * @param redirectedTo where the blocked response redirected (its Location, resolved), or null
   *     when it is no redirect: WebKit then says "Cross-origin redirection to ... denied"
   */
  record AllowOrigin(
      boolean actual,
      AllowOriginCheck.Result result,
      String value,
      int status,
      boolean multipleLines,
      String redirectedTo)
      implements Block {}

  /**
   * Access-Control-Allow-Methods (or -Headers) cannot be parsed.
   *
   * @param value the element (or, for WebKit, the whole value) that is not a token
   */
  record AllowListParse(boolean methods, String value, int status) implements Block {}

  /** The method is not in Access-Control-Allow-Methods. */
  record MethodNotAllowed(String method, int status) implements Block {}

  /** A request header is not in Access-Control-Allow-Headers (the one the console names). */
  record HeaderNotAllowed(String header, int status) implements Block {}

  /**
   * fetch() refused to follow a redirect: more than 20, or a Location that is no http(s) URL.
   *
   * @param location the unusable Location, or null for too many redirects
   */
  record RedirectRefused(String location, int status) implements Block {}
}
