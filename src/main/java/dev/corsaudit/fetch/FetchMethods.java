package dev.corsaudit.fetch;

import dev.corsaudit.model.HttpTokens;
import java.util.Locale;
import java.util.Set;

/** The Fetch Standard's method rules: normalisation, safelisting and the token grammar. */
public final class FetchMethods {

  private static final Set<String> NORMALIZED =
      Set.of("DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT");
  private static final Set<String> SAFELISTED = Set.of("GET", "HEAD", "POST");
  private static final Set<String> FORBIDDEN = Set.of("CONNECT", "TRACE", "TRACK");

  private FetchMethods() {}

  /** fetch() upper-cases these six case-insensitively; every other method is sent as written. */
  public static String normalize(String method) {
    String upper = method.toUpperCase(Locale.ROOT);
    return NORMALIZED.contains(upper) ? upper : method;
  }

  public static boolean isSafelisted(String normalizedMethod) {
    return SAFELISTED.contains(normalizedMethod);
  }

  /** fetch() throws for these, so a page can never send them. */
  public static boolean isForbidden(String method) {
    return FORBIDDEN.contains(method.toUpperCase(Locale.ROOT));
  }

  /** RFC 9110 token: what a method or header name may consist of. */
  public static boolean isToken(String text) {
    return HttpTokens.isToken(text);
  }
}
