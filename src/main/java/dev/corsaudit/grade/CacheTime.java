package dev.corsaudit.grade;

import dev.corsaudit.model.HeaderLine;
import java.util.List;

/**
 * How long each engine caches a passing preflight, from Access-Control-Max-Age (cors-rules.md §4):
 * default 5 s everywhere; Chromium caps at 7200 s and treats negatives as 0; Firefox caps at 86400
 * s and does not cache invalid values or 0; WebKit caps at 600 s.
 */
final class CacheTime {

  static final int DEFAULT_SECONDS = 5;

  private CacheTime() {}

  /** Seconds the engine keeps the preflight, or null when it does not cache it at all. */
  static Integer seconds(Engine engine, List<HeaderLine> headers) {
    List<String> lines = HeaderLine.values(headers, "Access-Control-Max-Age");
    if (lines.isEmpty()) {
      return DEFAULT_SECONDS;
    }
    String value = lines.size() == 1 ? lines.get(0).strip() : String.join(", ", lines);
    int cap = engine.maxAgeCap();
    return switch (engine.maxAgeSyntax()) {
      case DIGITS_ELSE_DEFAULT -> isDigits(value) ? clampToInt(value, cap) : DEFAULT_SECONDS;
      case SIGNED_ELSE_DEFAULT -> signedCapped(value, cap);
      case DIGITS_ELSE_UNCACHED -> {
        if (!isDigits(value)) {
          yield null;
        }
        int seconds = clampToInt(value, cap);
        yield seconds == 0 ? null : seconds;
      }
    };
  }

  /** True when a value is not plain delta-seconds (the spec then falls back to 5 s). */
  static boolean isInvalid(List<HeaderLine> headers) {
    List<String> lines = HeaderLine.values(headers, "Access-Control-Max-Age");
    return !lines.isEmpty() && (lines.size() > 1 || !isDigits(lines.get(0).strip()));
  }

  /**
   * Chromium (base::StringToInt64) and WebKit accept an optional sign and digits; anything else
   * means the 5 s default, a negative value means "do not cache", and each caps the result.
   */
  private static Integer signedCapped(String value, int cap) {
    if (!value.matches("[+-]?\\d+")) {
      return DEFAULT_SECONDS;
    }
    if (value.startsWith("-")) {
      return 0;
    }
    return clampToInt(value.startsWith("+") ? value.substring(1) : value, cap);
  }

  private static boolean isDigits(String value) {
    return value.matches("\\d+");
  }

  private static int clampToInt(String digits, int cap) {
    String trimmed = digits.replaceFirst("^0+(?=\\d)", "");
    if (trimmed.length() > 9) {
      return cap;
    }
    return (int) Math.min(Long.parseLong(trimmed), cap);
  }
}
