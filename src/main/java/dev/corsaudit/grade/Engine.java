package dev.corsaudit.grade;

import dev.corsaudit.fetch.RequestRules;

/**
 * Whose rules a verdict follows: the Fetch Standard (a reference model, not a browser), or one
 * browser engine as it ships today. Where engines differ is data here, read by the grader, the
 * cache-time code and the console messages, so no code asks "is this Firefox?" (the README's table
 * of engine differences lists the same fields).
 *
 * @param key the lower-case name used in JSON and on the command line
 * @param browser false for the Fetch Standard, which no user runs
 * @param statusBeforeAllowOrigin checks the preflight's status before Access-Control-Allow-Origin
 *     (WebKit); the others check ACAO/ACAC first, so their console names the origin problem
 * @param requestRules which page-set headers the engine keeps and counts as CORS-unsafe (a
 *     script-set User-Agent, Chromium's client hints, Firefox's bytes &gt;= 0x80, a name set
 *     twice): so which requests it preflights (conformance cases 12, 13, 16)
 * @param starCoversAuthorization {@code Access-Control-Allow-Headers: *} also allows Authorization
 *     (every browser today; the Standard says it never does)
 * @param maxAgeCap the longest a passing preflight is cached, in seconds
 * @param maxAgeSyntax how Access-Control-Max-Age is parsed and what an invalid value means
 * @param ignoresEmptyAllowCredentialsLine an empty Access-Control-Allow-Credentials line next to
 *     {@code true} is skipped (Firefox); the others join the lines ({@code ", true"}) and fail
 * @param proxyAuthIsNetworkError a 407 answer is a network error whatever its CORS headers
 *     (Chromium; the Standard prompts for proxy credentials instead); Firefox and WebKit hand it to
 *     the page
 * @param consoleInWebCoreStyle the console names a disallowed header in WebCore's header-map order
 *     and spelling, quotes a whole unparsable Allow-Methods/-Headers value and adds a "Fetch API
 *     cannot load" line (WebKit); the others name the first header in sorted order and quote the
 *     bad element
 * @param redirectPreflight which redirect hops of the actual request get their own preflight, and
 *     what it asks for (conformance cases 18, {@code rd-*})
 * @param hopPreflightSendsPageOrigin a redirect hop's preflight carries the page's origin even
 *     after a cross-origin redirect tainted it (Firefox); the others send {@code Origin: null}
 *     then, as the hop's request itself does in every engine
 * @param headerBlockRules how the engine's HTTP parser reads a malformed header block (whitespace
 *     before a colon, a lone CR, a NUL byte), for responses only the raw recorder could take
 */
public enum Engine {
  SPEC(
      "spec",
      false,
      false,
      RequestRules.SPEC,
      false,
      Integer.MAX_VALUE,
      MaxAgeSyntax.DIGITS_ELSE_DEFAULT,
      false,
      true,
      false,
      RedirectPreflight.WHEN_NEEDED,
      false,
      HeaderBlockRules.SPEC),
  CHROMIUM(
      "chromium",
      true,
      false,
      RequestRules.CHROMIUM,
      true,
      7200,
      MaxAgeSyntax.SIGNED_ELSE_DEFAULT,
      false,
      true,
      false,
      RedirectPreflight.WHEN_NEEDED,
      false,
      HeaderBlockRules.CHROMIUM),
  FIREFOX(
      "firefox",
      true,
      false,
      RequestRules.FIREFOX,
      true,
      86400,
      MaxAgeSyntax.DIGITS_ELSE_UNCACHED,
      true,
      false,
      false,
      RedirectPreflight.AGAIN_WITH_HOP_HEADERS,
      true,
      HeaderBlockRules.FIREFOX),
  WEBKIT(
      "webkit",
      true,
      true,
      RequestRules.WEBKIT,
      true,
      600,
      MaxAgeSyntax.SIGNED_ELSE_DEFAULT,
      false,
      false,
      true,
      RedirectPreflight.AGAIN_WITH_FIRST_HEADERS,
      false,
      HeaderBlockRules.WEBKIT);

  /** The engine whose verdict is the row's verdict: the one most users run. */
  public static final Engine TOP = CHROMIUM;

  /** How an engine reads Access-Control-Max-Age (cors-rules.md §4). */
  public enum MaxAgeSyntax {
    /** Delta-seconds only; anything else falls back to the 5 s default (the Standard). */
    DIGITS_ELSE_DEFAULT,
    /** An optional sign and digits; negative means "do not cache", other junk the default. */
    SIGNED_ELSE_DEFAULT,
    /** Delta-seconds only; anything else, and 0, means the preflight is not cached. */
    DIGITS_ELSE_UNCACHED
  }

  /**
   * Which hops after a redirect of the actual request are preflighted (HopPreflight applies it).
   */
  public enum RedirectPreflight {
    /**
     * A hop is preflighted when its own request needs it: a 301/302/303 that made a preflighted
     * POST a simple GET, or a cross-origin hop that dropped Authorization, needs none (the Fetch
     * Standard; Chromium).
     */
    WHEN_NEEDED,
    /**
     * Once the request was preflighted, every hop is, asking for the hop's own method and headers
     * (Firefox).
     */
    AGAIN_WITH_HOP_HEADERS,
    /**
     * Once the request was preflighted, every hop is, asking for the hop's method and the first
     * request's unsafe header names, even those the redirect removed (WebKit).
     */
    AGAIN_WITH_FIRST_HEADERS
  }

  private final String key;
  private final boolean browser;
  private final boolean statusBeforeAllowOrigin;
  private final RequestRules requestRules;
  private final boolean starCoversAuthorization;
  private final int maxAgeCap;
  private final MaxAgeSyntax maxAgeSyntax;
  private final boolean ignoresEmptyAllowCredentialsLine;
  private final boolean proxyAuthIsNetworkError;
  private final boolean consoleInWebCoreStyle;
  private final RedirectPreflight redirectPreflight;
  private final boolean hopPreflightSendsPageOrigin;
  private final HeaderBlockRules headerBlockRules;

  Engine(
      String key,
      boolean browser,
      boolean statusBeforeAllowOrigin,
      RequestRules requestRules,
      boolean starCoversAuthorization,
      int maxAgeCap,
      MaxAgeSyntax maxAgeSyntax,
      boolean ignoresEmptyAllowCredentialsLine,
      boolean proxyAuthIsNetworkError,
      boolean consoleInWebCoreStyle,
      RedirectPreflight redirectPreflight,
      boolean hopPreflightSendsPageOrigin,
      HeaderBlockRules headerBlockRules) {
    this.key = key;
    this.browser = browser;
    this.statusBeforeAllowOrigin = statusBeforeAllowOrigin;
    this.requestRules = requestRules;
    this.starCoversAuthorization = starCoversAuthorization;
    this.maxAgeCap = maxAgeCap;
    this.maxAgeSyntax = maxAgeSyntax;
    this.ignoresEmptyAllowCredentialsLine = ignoresEmptyAllowCredentialsLine;
    this.proxyAuthIsNetworkError = proxyAuthIsNetworkError;
    this.consoleInWebCoreStyle = consoleInWebCoreStyle;
    this.redirectPreflight = redirectPreflight;
    this.hopPreflightSendsPageOrigin = hopPreflightSendsPageOrigin;
    this.headerBlockRules = headerBlockRules;
  }

  public RedirectPreflight redirectPreflight() {
    return redirectPreflight;
  }

  public boolean hopPreflightSendsPageOrigin() {
    return hopPreflightSendsPageOrigin;
  }

  public HeaderBlockRules headerBlockRules() {
    return headerBlockRules;
  }

  /** The lower-case name used in JSON and on the command line. */
  public String key() {
    return key;
  }

  public boolean browser() {
    return browser;
  }

  public boolean statusBeforeAllowOrigin() {
    return statusBeforeAllowOrigin;
  }

  public boolean dropsScriptUserAgent() {
    return requestRules.dropsUserAgent();
  }

  public RequestRules requestRules() {
    return requestRules;
  }

  public boolean ignoresEmptyAllowCredentialsLine() {
    return ignoresEmptyAllowCredentialsLine;
  }

  public boolean proxyAuthIsNetworkError() {
    return proxyAuthIsNetworkError;
  }

  public boolean consoleInWebCoreStyle() {
    return consoleInWebCoreStyle;
  }

  public boolean starCoversAuthorization() {
    return starCoversAuthorization;
  }

  public int maxAgeCap() {
    return maxAgeCap;
  }

  public MaxAgeSyntax maxAgeSyntax() {
    return maxAgeSyntax;
  }

  /** How a sentence names this engine's rules: "in firefox", "per the Fetch Standard". */
  public String phrase() {
    return browser ? "in " + key : "per the Fetch Standard";
  }

  /** The engine of a browser name ("chromium", "firefox", "webkit"), or null. */
  public static Engine ofBrowser(String name) {
    for (Engine engine : values()) {
      if (engine.browser && engine.key.equals(name)) {
        return engine;
      }
    }
    return null;
  }
}
