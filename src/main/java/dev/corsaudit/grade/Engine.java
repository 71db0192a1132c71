package dev.corsaudit.grade;

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
 * @param dropsScriptUserAgent a User-Agent set by the page never reaches the wire or the preflight
 *     (Chromium); elsewhere it is CORS-unsafe and must be allowed, as the Standard says
 * @param starCoversAuthorization {@code Access-Control-Allow-Headers: *} also allows Authorization
 *     (every browser today; the Standard says it never does)
 * @param maxAgeCap the longest a passing preflight is cached, in seconds
 * @param maxAgeSyntax how Access-Control-Max-Age is parsed and what an invalid value means
 */
public enum Engine {
  SPEC("spec", false, false, false, false, Integer.MAX_VALUE, MaxAgeSyntax.DIGITS_ELSE_DEFAULT),
  CHROMIUM("chromium", true, false, true, true, 7200, MaxAgeSyntax.SIGNED_ELSE_DEFAULT),
  FIREFOX("firefox", true, false, false, true, 86400, MaxAgeSyntax.DIGITS_ELSE_UNCACHED),
  WEBKIT("webkit", true, true, false, true, 600, MaxAgeSyntax.SIGNED_ELSE_DEFAULT);

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

  private final String key;
  private final boolean browser;
  private final boolean statusBeforeAllowOrigin;
  private final boolean dropsScriptUserAgent;
  private final boolean starCoversAuthorization;
  private final int maxAgeCap;
  private final MaxAgeSyntax maxAgeSyntax;

  Engine(
      String key,
      boolean browser,
      boolean statusBeforeAllowOrigin,
      boolean dropsScriptUserAgent,
      boolean starCoversAuthorization,
      int maxAgeCap,
      MaxAgeSyntax maxAgeSyntax) {
    this.key = key;
    this.browser = browser;
    this.statusBeforeAllowOrigin = statusBeforeAllowOrigin;
    this.dropsScriptUserAgent = dropsScriptUserAgent;
    this.starCoversAuthorization = starCoversAuthorization;
    this.maxAgeCap = maxAgeCap;
    this.maxAgeSyntax = maxAgeSyntax;
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
    return dropsScriptUserAgent;
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
