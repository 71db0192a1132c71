package dev.corsaudit.model;

/** HTTP's token syntax (RFC 9110 §5.6.2): method names, header names, list elements. */
public final class HttpTokens {

  private HttpTokens() {}

  /** True when the text is a non-empty run of tchar. */
  public static boolean isToken(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code text} without HTTP's optional whitespace (RFC 9110 OWS: SP and HTAB only) at either end;
   * other control bytes stay, as browsers keep them in a header value.
   */
  public static String trimOptionalWhitespace(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
      end--;
    }
    return text.substring(start, end);
  }
}
