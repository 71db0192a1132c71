package dev.corsaudit.conformance;

import dev.corsaudit.model.HeaderLine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The little of the Fetch Standard the adapter needs to describe the preflight a browser sends:
 * method normalisation, forbidden headers, combining a name set twice, and the CORS-unsafe
 * request-header names (cors-rules.md §1.1). It is deliberately independent of the grader, and
 * BrowserConformanceTest holds it against the Access-Control-Request-Headers real browsers send.
 */
final class FetchRequestRules {

  private static final Set<String> NORMALISED_METHODS =
      Set.of("DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT");
  private static final Set<String> SAFELISTED_METHODS = Set.of("GET", "HEAD", "POST");
  private static final Set<String> SAFELISTED_CONTENT_TYPES =
      Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");
  private static final Set<String> FORBIDDEN_NAMES =
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
  private static final Set<String> FORBIDDEN_METHODS = Set.of("CONNECT", "TRACE", "TRACK");
  // Header values are byte strings: value.length() counts one byte per char U+0000-U+00FF.
  private static final int MAX_SAFELISTED_VALUE = 128;
  private static final int MAX_SAFELISTED_TOTAL = 1024;

  private FetchRequestRules() {}

  /** fetch() upper-cases only the six well-known methods; everything else is sent as written. */
  static String normaliseMethod(String method) {
    String upper = method.toUpperCase(Locale.ROOT);
    return NORMALISED_METHODS.contains(upper) ? upper : method;
  }

  static boolean isSafelistedMethod(String method) {
    return SAFELISTED_METHODS.contains(normaliseMethod(method));
  }

  static boolean needsPreflight(String method, List<HeaderLine> headers) {
    return !SAFELISTED_METHODS.contains(normaliseMethod(method)) || !unsafeNames(headers).isEmpty();
  }

  /**
   * The header list a page's Headers object ends up with: forbidden names dropped (fetch() does not
   * throw, it ignores them), a name set twice combined into one entry "a, b" under its first
   * spelling, in the order the page first set each name.
   */
  static List<HeaderLine> headerList(List<HeaderLine> headers) {
    Map<String, HeaderLine> combined = new LinkedHashMap<>();
    for (HeaderLine line : headers) {
      if (isForbidden(line)) {
        continue;
      }
      combined.merge(
          line.lowerName(),
          line,
          (first, next) -> new HeaderLine(first.name(), first.value() + ", " + next.value()));
    }
    return List.copyOf(combined.values());
  }

  /** Fetch "forbidden request-header" (cors-rules.md §1.1). */
  static boolean isForbidden(HeaderLine line) {
    String name = line.lowerName();
    if (FORBIDDEN_NAMES.contains(name) || name.startsWith("proxy-") || name.startsWith("sec-")) {
      return true;
    }
    if (METHOD_OVERRIDES.contains(name)) {
      for (String method : line.value().split(",")) {
        if (FORBIDDEN_METHODS.contains(method.strip().toUpperCase(Locale.ROOT))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The sorted, lower-cased, de-duplicated CORS-unsafe header names. */
  static List<String> unsafeNames(List<HeaderLine> pageHeaders) {
    List<HeaderLine> headers = headerList(pageHeaders);
    Set<String> unsafe = new TreeSet<>();
    int safelistedBytes = 0;
    for (HeaderLine line : headers) {
      if (isSafelisted(line)) {
        safelistedBytes += line.value().length();
      } else {
        unsafe.add(line.lowerName());
      }
    }
    if (safelistedBytes > MAX_SAFELISTED_TOTAL) {
      headers.forEach(line -> unsafe.add(line.lowerName()));
    }
    return List.copyOf(unsafe);
  }

  private static boolean isSafelisted(HeaderLine line) {
    String value = line.value();
    if (value.length() > MAX_SAFELISTED_VALUE) {
      return false;
    }
    switch (line.lowerName()) {
      case "accept":
        return noUnsafeBytes(value);
      case "accept-language":
      case "content-language":
        return value.chars().allMatch(FetchRequestRules::isLanguageByte);
      case "content-type":
        return noUnsafeBytes(value) && safelistedContentType(value);
      case "range":
        return value.matches("bytes=\\d+-(\\d+)?") && rangeInOrder(value);
      default:
        return false;
    }
  }

  private static boolean noUnsafeBytes(String value) {
    for (char c : value.toCharArray()) {
      if ((c < 0x20 && c != '\t') || c == 0x7f || "\"():<>?@[\\]{}".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLanguageByte(int c) {
    return (c >= '0' && c <= '9')
        || (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || " *,-.;=".indexOf(c) >= 0;
  }

  // A deliberately small MIME parse: essence before the first ';', trimmed, with no internal space.
  private static boolean safelistedContentType(String value) {
    int semicolon = value.indexOf(';');
    String essence = (semicolon < 0 ? value : value.substring(0, semicolon)).strip();
    return !essence.contains(" ")
        && !essence.contains(",")
        && SAFELISTED_CONTENT_TYPES.contains(essence.toLowerCase(Locale.ROOT));
  }

  private static boolean rangeInOrder(String value) {
    String[] bounds = value.substring("bytes=".length()).split("-", -1);
    return bounds[1].isEmpty() || Long.parseLong(bounds[0]) <= Long.parseLong(bounds[1]);
  }
}
