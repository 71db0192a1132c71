package dev.corsaudit.report;

import dev.corsaudit.result.Escape;
import java.util.Locale;

/**
 * What goes into the compatibility page: everything from the network (and from providers files) is
 * text through the safe-output escaping ({@link Escape#html}); links are http(s) only.
 */
public final class Html {

  private Html() {}

  /** Text safe in an element's content and in a quoted attribute value ({@link Escape#html}). */
  public static String escape(String text) {
    return Escape.html(text);
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
}
