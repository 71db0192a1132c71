package dev.corsaudit.grade;

import dev.corsaudit.model.HeaderLine;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which disallowed header WebKit's console names ("Request header field X is not allowed by
 * Access-Control-Allow-Headers."). WebCore keeps request headers in an HTTPHeaderMap: headers it
 * knows (its HTTPHeaderName list, Source/WebCore/platform/network/HTTPHeaderNames.in) first, in the
 * order the page set them and in WebCore's canonical spelling; then every other header in the order
 * and spelling the page first used. The preflight check walks that map and names the first header
 * the response does not allow. Measured in the conformance cases wk-order-* and rh-*.
 */
final class WebKitHeaderNames {

  /**
   * HTTPHeaderNames.in entries a page can set (forbidden names left out: they never get this far),
   * as of WebKitGTK 2.50; the GStreamer-only Icy-* names are in WebKitGTK's list too.
   */
  private static final List<String> KNOWN =
      List.of(
          "Accept",
          "Accept-Language",
          "Accept-Ranges",
          "Access-Control-Allow-Credentials",
          "Access-Control-Allow-Headers",
          "Access-Control-Allow-Methods",
          "Access-Control-Allow-Origin",
          "Access-Control-Expose-Headers",
          "Access-Control-Max-Age",
          "Age",
          "Authorization",
          "Cache-Control",
          "Clear-Site-Data",
          "Content-Disposition",
          "Content-Encoding",
          "Content-Language",
          "Content-Location",
          "Content-Security-Policy",
          "Content-Security-Policy-Report-Only",
          "Content-Type",
          "Content-Range",
          "Cross-Origin-Embedder-Policy",
          "Cross-Origin-Embedder-Policy-Report-Only",
          "Cross-Origin-Opener-Policy",
          "Cross-Origin-Opener-Policy-Report-Only",
          "Cross-Origin-Resource-Policy",
          "Default-Style",
          "ETag",
          "Expires",
          "If-Match",
          "If-Modified-Since",
          "If-None-Match",
          "If-Range",
          "If-Unmodified-Since",
          "Last-Event-ID",
          "Last-Modified",
          "Link",
          "Location",
          "Ping-From",
          "Ping-To",
          "Purpose",
          "Pragma",
          "Range",
          "Referrer-Policy",
          "Refresh",
          "Report-To",
          "Reporting-Endpoints",
          "Server-Timing",
          "Service-Worker",
          "Service-Worker-Allowed",
          "Service-Worker-Navigation-Preload",
          "SourceMap",
          "Timing-Allow-Origin",
          "Upgrade-Insecure-Requests",
          "User-Agent",
          "Vary",
          "X-Content-Type-Options",
          "X-DNS-Prefetch-Control",
          "X-Frame-Options",
          "X-SourceMap",
          "X-XSS-Protection",
          "X-Temp-Tablet",
          "Icy-MetaInt",
          "Icy-Metadata");

  private static final Map<String, String> CANONICAL = new HashMap<>();

  static {
    for (String name : KNOWN) {
      CANONICAL.put(name.toLowerCase(Locale.ROOT), name);
    }
  }

  private WebKitHeaderNames() {}

  /**
   * @param headers the engine's header list (page order, first spelling, repeated names combined)
   * @param missing lower-case names the preflight response does not allow (non-empty)
   * @return the name WebKit's console prints
   */
  static String firstMissing(List<HeaderLine> headers, Collection<String> missing) {
    for (HeaderLine header : headers) {
      String canonical = CANONICAL.get(header.lowerName());
      if (canonical != null && missing.contains(header.lowerName())) {
        return canonical;
      }
    }
    for (HeaderLine header : headers) {
      if (!CANONICAL.containsKey(header.lowerName()) && missing.contains(header.lowerName())) {
        return header.name();
      }
    }
    return missing.iterator().next();
  }
}
