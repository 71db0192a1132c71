package dev.corsaudit.fetch;

import java.util.Locale;

/** The strict WHATWG "parse a MIME type", reduced to what the safelist needs: the essence. */
final class MimeTypes {

  private MimeTypes() {}

  /** {@code type/subtype} lower-cased, or null when the value is not a valid MIME type. */
  static String essence(String value) {
    String input = trimHttpWhitespace(value);
    int slash = input.indexOf('/');
    if (slash <= 0) {
      return null;
    }
    String type = input.substring(0, slash);
    int semicolon = input.indexOf(';', slash + 1);
    String subtype =
        semicolon < 0 ? input.substring(slash + 1) : input.substring(slash + 1, semicolon);
    subtype = trimTrailingHttpWhitespace(subtype);
    if (!FetchMethods.isToken(type) || !FetchMethods.isToken(subtype)) {
      return null;
    }
    // Parameters never make the parse fail: invalid ones are skipped by the algorithm.
    return type.toLowerCase(Locale.ROOT) + "/" + subtype.toLowerCase(Locale.ROOT);
  }

  private static boolean isHttpWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static String trimHttpWhitespace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isHttpWhitespace(s.charAt(start))) {
      start++;
    }
    while (end > start && isHttpWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static String trimTrailingHttpWhitespace(String s) {
    int end = s.length();
    while (end > 0 && isHttpWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }
}
