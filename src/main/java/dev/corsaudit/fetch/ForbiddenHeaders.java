package dev.corsaudit.fetch;

import java.util.Locale;
import java.util.Set;

/**
 * Headers page script cannot set (Fetch "forbidden request-header"): fetch() does not throw, the
 * browser silently drops them (measured in Chromium, Firefox and WebKit, conformance cases fh-*).
 * So the audit drops them too, with a warning that names them, and grades the rest.
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

  /** The warning for a forbidden header a user asked us to send. */
  public static String message(String name) {
    return "header '"
        + name
        + "' cannot be set by a page (a forbidden request header: the browser controls it and"
        + " silently drops the page's value); it was left out of the audited request";
  }
}
