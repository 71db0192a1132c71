package dev.corsaudit.fetch;

import java.util.Locale;
import java.util.Set;

/**
 * Headers page script cannot set (Fetch "forbidden request-header"): the browser drops them, so an
 * audit that "sends" them would audit a request no page can make.
 */
public final class ForbiddenHeaders {

  private static final Set<String> NAMES =
      Set.of(
          "accept-charset",
          "accept-encoding",
          "access-control-request-headers",
          "access-control-request-method",
          "connection",
          "content-length",
          "cookie",
          "cookie2",
          "date",
          "dnt",
          "expect",
          "host",
          "keep-alive",
          "origin",
          "referer",
          "set-cookie",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "via");

  private static final Set<String> METHOD_OVERRIDES =
      Set.of("x-http-method", "x-http-method-override", "x-method-override");

  private ForbiddenHeaders() {}

  public static boolean isForbidden(String name, String value) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (NAMES.contains(lower) || lower.startsWith("proxy-") || lower.startsWith("sec-")) {
      return true;
    }
    if (METHOD_OVERRIDES.contains(lower)) {
      for (String item : value.split(",")) {
        if (FetchMethods.isForbidden(item.trim())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The one-line message for a forbidden header a user asked us to send. */
  public static String message(String name) {
    return "header '"
        + name
        + "' cannot be set by a page (a forbidden request header: the browser controls it);"
        + " remove it from the profile or the request headers";
  }
}
