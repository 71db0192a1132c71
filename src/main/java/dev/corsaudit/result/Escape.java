package dev.corsaudit.result;

/**
 * Escaping per output format, for text that may come from a hostile server (header values, body
 * heads, error messages). Human formats (table, Markdown, evidence) show control characters as
 * visible escapes ({@code \x1b}), so a clear-screen sequence or an OSC 8 hyperlink prints as text;
 * Markdown also keeps response data from closing code spans and fences or injecting HTML.
 */
public final class Escape {

  private Escape() {}

  /**
   * Control characters (C0, DEL, C1) and bidirectional overrides as visible escapes; {@code \n} and
   * {@code \t} stay when {@code multiline}, otherwise they are escaped too.
   */
  public static String visible(String text, boolean multiline) {
    if (text == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement = null;
      if (multiline && (c == '\n' || c == '\t')) {
        replacement = null;
      } else if (c == '\r' && multiline && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        replacement = ""; // CRLF reads as a line break
      } else if (c < 0x20 || c == 0x7f) {
        replacement = String.format("\\x%02x", (int) c);
      } else if ((c >= 0x80 && c <= 0x9f)
          || (c >= 0x202a && c <= 0x202e)
          || (c >= 0x2066 && c <= 0x2069)
          || c == 0x200e
          || c == 0x200f
          || c == 0x061c) {
        replacement = String.format("\\u%04x", (int) c);
      }
      if (replacement != null) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(replacement);
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /** One terminal line (table cell, message): nothing that moves the cursor or styles text. */
  public static String terminal(String text) {
    return visible(text, false);
  }

  /**
   * Markdown prose (outside code): HTML special characters as entities, and the characters that
   * open code spans, links and images backslash-escaped, so the text renders as itself.
   */
  public static String markdownText(String text) {
    String shown = visible(text, false);
    StringBuilder out = new StringBuilder(shown.length() + 8);
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '`', '[', ']', '\\' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Markdown prose inside a table cell: also no {@code |}, which would end the cell. */
  public static String markdownCell(String text) {
    return markdownText(text).replace("|", "\\|");
  }

  /**
   * An inline code span whose delimiter is one backtick longer than any run of backticks inside,
   * padded with a space where the content starts or ends with a backtick (CommonMark 6.1).
   */
  public static String code(String text) {
    String shown = visible(text, false);
    String fence = "`".repeat(longestRun(shown, '`') + 1);
    boolean pad =
        shown.startsWith("`")
            || shown.endsWith("`")
            || (shown.length() > 1
                && shown.startsWith(" ")
                && shown.endsWith(" ")
                && !shown.isBlank());
    if (shown.isEmpty()) {
      return "` `";
    }
    return pad ? fence + " " + shown + " " + fence : fence + shown + fence;
  }

  /**
   * A code span inside a GFM table cell: as {@link #code}, with {@code |} escaped (GFM removes the
   * backslash before rendering the span).
   */
  public static String codeCell(String text) {
    return code(text).replace("|", "\\|");
  }

  /**
   * A fenced code block: the fence is longer than any run of backticks in the content, so no line
   * of the content can close it.
   */
  public static String fenced(String info, String content) {
    String shown = visible(content, true);
    String fence = "`".repeat(Math.max(3, longestRun(shown, '`') + 1));
    StringBuilder out = new StringBuilder(shown.length() + 16);
    out.append(fence).append(info == null ? "" : info).append('\n').append(shown);
    if (!shown.isEmpty() && !shown.endsWith("\n")) {
      out.append('\n');
    }
    return out.append(fence).append('\n').toString();
  }

  /**
   * For JSON writers: Jackson escapes C0 controls; this also escapes DEL, the C1 controls (a
   * terminal reads U+009B as CSI) and the bidirectional overrides as \\uXXXX, so a report that is
   * cat'ed to a terminal stays inert. Valid JSON either way.
   */
  public static com.fasterxml.jackson.core.io.CharacterEscapes jsonEscapes() {
    return JsonEscapes.INSTANCE;
  }

  /** Whether a character is a control or direction override that no output may carry raw. */
  public static boolean isInvisibleControl(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200e
        || c == 0x200f
        || c == 0x061c;
  }

  private static final class JsonEscapes extends com.fasterxml.jackson.core.io.CharacterEscapes {
    static final JsonEscapes INSTANCE = new JsonEscapes();
    private static final long serialVersionUID = 1L;
    private final int[] ascii;

    private JsonEscapes() {
      ascii = standardAsciiEscapesForJSON();
      ascii[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
      if (ch < 0x10000 && isInvisibleControl((char) ch)) {
        return new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04X", ch));
      }
      return null;
    }
  }

  static int longestRun(String text, char c) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == c) {
        run++;
        longest = Math.max(longest, run);
      } else {
        run = 0;
      }
    }
    return longest;
  }
}
