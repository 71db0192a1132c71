package dev.corsaudit.fetch;

/**
 * Where an engine's request side departs from the Fetch Standard: which page-set headers it keeps
 * and which it counts as CORS-unsafe, so which requests it preflights and what it lists in
 * Access-Control-Request-Headers. Each flag was measured in the conformance suite (cases 12-16).
 *
 * @param dropsUserAgent Chromium ignores a User-Agent set by script (it never reaches the wire or
 *     the preflight); Firefox and WebKit send it and so must get it allowed, as the spec says
 * @param safelistsClientHints Chromium also safelists DPR and Device-Memory (a decimal number),
 *     Viewport-Width and Width (digits only) and Save-Data: on (any case), per its cors.cc
 * @param highBytesUnsafe Firefox treats a value byte &gt;= 0x80 as CORS-unsafe in the safelisted
 *     headers (Accept, Content-Type, ...), where the spec and the others do not
 * @param combinesRepeatedNames a name the page sets twice is one header "a, b" (Fetch "append"),
 *     judged on the combined value; Firefox judges each line on its own (and lists the name once
 *     per line in Access-Control-Request-Headers)
 */
public record RequestRules(
    boolean dropsUserAgent,
    boolean safelistsClientHints,
    boolean highBytesUnsafe,
    boolean combinesRepeatedNames) {

  public static final RequestRules SPEC = new RequestRules(false, false, false, true);
  public static final RequestRules CHROMIUM = new RequestRules(true, true, false, true);
  public static final RequestRules FIREFOX = new RequestRules(false, false, true, false);
  public static final RequestRules WEBKIT = new RequestRules(false, false, false, true);
}
