package dev.corsaudit.grade;

/**
 * How one engine's HTTP/1.1 parser reads a malformed response header block: the lines the JDK
 * client refuses outright, which the raw recorder keeps (conformance case file 19, measured in
 * Chromium 156, Firefox 153 ESR and WebKitGTK 2.50). Forms every engine reads alike are here too,
 * so the parser has one place to look: control bytes other than NUL, CR and LF stay in the value, a
 * line starting with SP/HTAB continues the previous one (joined with one space), a bare LF ends a
 * line, and a line without a colon or with a non-token name is dropped.
 *
 * <p>The engine's fetch() Headers object then hides names and values it finds invalid from script,
 * which is why a conformance case can't always tell a dropped line from a kept invalid one; for
 * CORS both mean the line is not the header it names.
 *
 * @param beforeColon what whitespace between a name and its colon does
 * @param bareCr what a CR not followed by LF inside a line does
 * @param nulIsNetworkError a NUL byte anywhere in the block fails the whole fetch (every engine)
 */
public record HeaderBlockRules(BeforeColon beforeColon, BareCr bareCr, boolean nulIsNetworkError) {

  /**
   * The Fetch Standard defines no HTTP parser, so this is cors-audit's reading of the RFCs: no
   * whitespace is allowed before the colon (RFC 9112 §5.1: the line is no field), a recipient
   * rejects NUL or replaces a CR with SP (RFC 9110 §5.5). It matches WebKit.
   */
  public static final HeaderBlockRules SPEC =
      new HeaderBlockRules(BeforeColon.DROP_LINE, BareCr.SPACE, true);

  /** Trims the name, and a lone CR ends the line (mh-acao-after-bare-cr passes). */
  public static final HeaderBlockRules CHROMIUM =
      new HeaderBlockRules(BeforeColon.TRIM_NAME, BareCr.LINE_BREAK, true);

  /**
   * A name with whitespace never matches (its console says the header is missing), and a lone CR
   * stays in the value (its console quotes "*\rX").
   */
  public static final HeaderBlockRules FIREFOX =
      new HeaderBlockRules(BeforeColon.DROP_LINE, BareCr.KEEP, true);

  /** A name with whitespace never matches, and a lone CR reads as a space ("a b" to script). */
  public static final HeaderBlockRules WEBKIT =
      new HeaderBlockRules(BeforeColon.DROP_LINE, BareCr.SPACE, true);

  /** {@code "Access-Control-Allow-Origin : *"}. */
  public enum BeforeColon {
    /** The name loses its trailing whitespace and the line counts (Chromium). */
    TRIM_NAME,
    /** The line is ignored, as if absent (Firefox, WebKit; the RFC's "no whitespace allowed"). */
    DROP_LINE
  }

  /** {@code "X-Other: a<CR>b"}. */
  public enum BareCr {
    /** The CR ends the line; what follows is read as the next line (Chromium). */
    LINE_BREAK,
    /** The CR stays in the value (Firefox; the Fetch Standard would call that value invalid). */
    KEEP,
    /** The CR reads as a space (WebKit; RFC 9110 §5.5 allows replacing it with SP). */
    SPACE
  }
}
