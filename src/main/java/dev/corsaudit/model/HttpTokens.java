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
}
