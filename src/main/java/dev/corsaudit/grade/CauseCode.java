package dev.corsaudit.grade;

/**
 * Every named cause: the one table of what each means. {@link Kind#FAIL} causes make the browser
 * block the request, {@link Kind#ERROR} causes mean nothing could be graded, {@link Kind#WARNING}
 * causes are advice that does not block. SARIF rules, the README's cause table (checked by a test)
 * and every renderer read the title, description and engine-split flag from here.
 */
public enum CauseCode {
  // The preflight's CORS check and status (Fetch "CORS-preflight fetch" step 7).
  MISSING_ALLOW_ORIGIN(
      Kind.FAIL,
      "Missing Access-Control-Allow-Origin",
      "the preflight has no `Access-Control-Allow-Origin`"),
  VARY_WITHOUT_ALLOW(
      Kind.FAIL,
      "CORS layer allows nothing",
      "no `Access-Control-Allow-*` at all, but `Vary: Origin…` (NVIDIA NIM, z.ai)"),
  SPA_FALLBACK(
      Kind.FAIL,
      "OPTIONS answered by a front-end router",
      "no CORS headers and an HTML page: OPTIONS fell through to a front-end router (OpenCode"
          + " Zen)"),
  PREFLIGHT_STATUS(
      Kind.FAIL,
      "Preflight status not OK",
      "status not 200–299 (says so when 401/403 looks like auth middleware answering OPTIONS)"),
  PREFLIGHT_REDIRECT(
      Kind.FAIL, "Preflight redirected", "the preflight was redirected (browsers never follow it)"),
  REDIRECT_REFUSED(
      Kind.FAIL,
      "Redirect not followed",
      "the actual request was redirected more than 20 times, or to a Location that is no http(s)"
          + " URL: a network error in every browser"),
  ALLOW_ORIGIN_MISMATCH(
      Kind.FAIL,
      "Access-Control-Allow-Origin is another origin",
      "`Access-Control-Allow-Origin` names another origin"),
  MULTIPLE_ALLOW_ORIGIN(
      Kind.FAIL,
      "Several Access-Control-Allow-Origin values",
      "`Access-Control-Allow-Origin` has several values, or came on two lines"),
  INVALID_ALLOW_ORIGIN(
      Kind.FAIL,
      "Invalid Access-Control-Allow-Origin",
      "`Access-Control-Allow-Origin` is not an origin"),
  WILDCARD_WITH_CREDENTIALS(
      Kind.FAIL, "Wildcard origin with credentials", "`*` with `credentials: 'include'`"),
  INVALID_ALLOW_CREDENTIALS(
      Kind.FAIL,
      "Invalid Access-Control-Allow-Credentials",
      "with `credentials: 'include'`, `Access-Control-Allow-Credentials` is not exactly `true`"),
  // Parsing and matching the allow-lists.
  INVALID_ALLOW_METHODS(
      Kind.FAIL,
      "Unparsable Access-Control-Allow-Methods",
      "an element of `Access-Control-Allow-Methods` is not a token"),
  INVALID_ALLOW_HEADERS(
      Kind.FAIL,
      "Unparsable Access-Control-Allow-Headers",
      "an element of `Access-Control-Allow-Headers` is not a token"),
  METHOD_NOT_ALLOWED(Kind.FAIL, "Method not allowed", "the request method is not allowed"),
  HEADER_NOT_ALLOWED(
      Kind.FAIL, "Request header not allowed", "the named request headers are not allowed"),
  // The actual response's CORS check (Fetch "CORS check" again, after the preflight).
  ACTUAL_MISSING_ALLOW_ORIGIN(
      Kind.FAIL,
      "Actual response without Access-Control-Allow-Origin",
      "the actual response (a 401 or 429 too) has no `Access-Control-Allow-Origin`"),
  ACTUAL_ALLOW_ORIGIN_MISMATCH(
      Kind.FAIL,
      "Actual response allows another origin",
      "the actual response's `Access-Control-Allow-Origin` names another origin"),
  ACTUAL_MULTIPLE_ALLOW_ORIGIN(
      Kind.FAIL,
      "Actual response has several Access-Control-Allow-Origin values",
      "the actual response's `Access-Control-Allow-Origin` has several values or lines"),
  ACTUAL_INVALID_ALLOW_ORIGIN(
      Kind.FAIL,
      "Actual response has an invalid Access-Control-Allow-Origin",
      "the actual response's `Access-Control-Allow-Origin` is not an origin"),
  ACTUAL_WILDCARD_WITH_CREDENTIALS(
      Kind.FAIL,
      "Actual response: wildcard origin with credentials",
      "the actual response sends `*` to a request with `credentials: 'include'`"),
  ACTUAL_INVALID_ALLOW_CREDENTIALS(
      Kind.FAIL,
      "Actual response: invalid Access-Control-Allow-Credentials",
      "the actual response's `Access-Control-Allow-Credentials` is not exactly `true`"),
  // Chromium (and the Standard) turn a 407 from the server into a network error, CORS or not.
  ACTUAL_PROXY_AUTH_REQUIRED(
      Kind.FAIL,
      "Actual response is 407 Proxy Authentication Required",
      "the actual response is a 407: Chromium (and the Standard) make it a network error; Firefox"
          + " and WebKit hand it to the page"),
  // A raw header block (the JDK client refused it) that this engine's HTTP parser refuses too.
  HEADER_BLOCK_REFUSED(
      Kind.FAIL,
      "Response header block refused by the browser",
      "a line of the response's header block (a NUL byte) makes the browser's HTTP parser fail the"
          + " fetch before any CORS check"),
  // Advice: the request passes, but something is fragile, unsafe or engine-dependent.
  WILDCARD_DOES_NOT_COVER_AUTHORIZATION(
      Kind.WARNING,
      "Wildcard does not cover Authorization per the Standard",
      "PASS in browsers today, FAIL per the Fetch Standard: list `Authorization` explicitly",
      true),
  ENGINES_DISAGREE(
      Kind.WARNING,
      "Browser engines disagree",
      "one engine (or the Fetch Standard) gives another verdict than Chromium",
      true),
  MISSING_VARY_ORIGIN(
      Kind.WARNING,
      "Reflected origin without Vary: Origin",
      "the reflected `Access-Control-Allow-Origin` is not keyed by `Vary: Origin` (shared caches"
          + " can serve it to another origin)"),
  MAX_AGE_INVALID(
      Kind.WARNING,
      "Invalid Access-Control-Max-Age",
      "`Access-Control-Max-Age` is not delta-seconds; engines fall back differently"),
  RESPONSE_HEADERS_NOT_EXPOSED(
      Kind.WARNING,
      "Response headers hidden from script",
      "rate-limit, retry and request-id headers script cannot read"),
  ACTUAL_NOT_CHECKED(
      Kind.WARNING,
      "Actual response not checked",
      "a request that needs no preflight was not sent, so nothing was graded"),
  LOCAL_NETWORK_ACCESS(
      Kind.WARNING,
      "Local Network Access",
      "a public page calling a local server: Chrome 142+ asks for Local Network Access permission"),
  // The page set a forbidden request header: every browser silently drops it.
  FORBIDDEN_HEADER_DROPPED(
      Kind.WARNING,
      "Forbidden request header dropped",
      "the profile or `--header` sets a forbidden request header (`Cookie`, `Origin`, `Sec-*`,"
          + " `Proxy-*`, ...): every browser silently drops it, so the row is graded without it"),
  // Network failures: no response to grade.
  DNS(Kind.ERROR, "Host not resolved", "the host name did not resolve"),
  CONNECT(Kind.ERROR, "Connection failed", "the connection was refused or could not be made"),
  TLS(Kind.ERROR, "TLS failed", "the TLS handshake failed (certificate, protocol)"),
  TIMEOUT(Kind.ERROR, "Timed out", "no complete answer within the timeout or the deadline"),
  PROTOCOL(Kind.ERROR, "Malformed HTTP", "the server sent a malformed HTTP response");

  /** What a cause does to the verdict. */
  public enum Kind {
    FAIL,
    ERROR,
    WARNING
  }

  private final Kind kind;
  private final String title;
  private final String description;
  private final boolean engineSplit;

  CauseCode(Kind kind, String title, String description) {
    this(kind, title, description, false);
  }

  CauseCode(Kind kind, String title, String description, boolean engineSplit) {
    this.kind = kind;
    this.title = title;
    this.description = description;
    this.engineSplit = engineSplit;
  }

  public Kind kind() {
    return kind;
  }

  /** A few words, for SARIF rule names and headings. */
  public String title() {
    return title;
  }

  /** When the cause is reported (Markdown; the README's cause table says the same). */
  public String description() {
    return description;
  }

  /**
   * True for warnings that say an engine or the Standard gives another verdict: shown beside FAILs
   * in the table and SARIF, since the row may fail elsewhere even when it passes in Chromium.
   */
  public boolean engineSplit() {
    return engineSplit;
  }
}
