package dev.corsaudit.report;

import java.util.Locale;

/**
 * The one escaping of text that goes into the compatibility page: everything from the network (and
 * from providers files) is text, never markup. Control and bidirectional-override characters are
 * shown as {@code \\u...} so a header value cannot reorder or hide what is around it.
 */
public final class Html {

  private Html() {}

  /** Text safe in an element's content and in a quoted attribute value. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '\n', '\t' -> out.append(c);
        default -> {
          if (invisible(c)) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** A link target: http(s) URLs only (escaped), else null, so no javascript: or data: links. */
  public static String href(String url) {
    if (url == null) {
      return null;
    }
    String lower = url.strip().toLowerCase(Locale.ROOT);
    if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
      return null;
    }
    return escape(url.strip());
  }

  /** A fragment identifier made only of [a-z0-9-]. */
  public static String anchor(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
      out.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '-');
    }
    return out.toString();
  }

  private static boolean invisible(char c) {
    return (c < 0x20 && c != '\n' && c != '\t')
        || c == 0x7f
        || (c >= 0x80 && c < 0xa0)
        || (c >= 0x200b && c <= 0x200f)
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0xfeff;
  }
}
