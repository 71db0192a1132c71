package dev.corsaudit.fetch;

import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.HeaderLine;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What fetch() does with a redirect of the actual request (redirect mode "follow", Fetch
 * "HTTP-redirect fetch"): the next request, or why there is none. Pure. The preflight itself is
 * never followed (that stays a FAIL).
 */
public final class Redirects {

  /** More redirects than this is a network error. */
  public static final int MAX = 20;

  /** Headers that describe a request body; they go when a redirect drops the body. */
  private static final Set<String> BODY_HEADERS =
      Set.of("content-encoding", "content-language", "content-location", "content-type");

  private Redirects() {}

  public static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /**
   * Whether fetch() follows this response: a redirect status with a Location. Without one the
   * redirect is the final response and goes to the page as it is (Fetch: "if locationURL is null,
   * return response"; every browser, conformance rd-302-without-location).
   */
  public static boolean isFollowed(int status, String location) {
    return isRedirect(status) && location != null;
  }

  /**
   * The next request after a redirect.
   *
   * @param current the request that got the redirect (its origin is "null" once tainted)
   * @param pageOrigin the page's own origin
   * @param location the Location header ({@link #isFollowed}: a redirect without one is not
   *     followed)
   * @return the next request, or a reason it fails as a network error
   */
  public static Step follow(CorsRequest current, String pageOrigin, int status, String location) {
    if (location == null) {
      return Step.failed("redirect " + status + " without a Location header");
    }
    URI next;
    try {
      next = URI.create(current.url()).resolve(location.strip());
    } catch (IllegalArgumentException e) {
      return Step.failed("redirect to an invalid URL '" + location + "'");
    }
    String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Step.failed("redirect to a non-HTTP URL '" + location + "'");
    }
    if (next.getHost() == null || next.getPort() > 65535) {
      // java.net.URI takes a port above 65535 (and falls back to a registry-based authority for
      // other junk), which the URL Standard's parser rejects (conformance rd-location-bad-port).
      return Step.failed("redirect to an invalid URL '" + location + "'");
    }
    if (next.getRawUserInfo() != null) {
      return Step.failed("redirect to a URL with credentials (fetch() refuses it in CORS mode)");
    }
    String method = current.method().toUpperCase(Locale.ROOT);
    boolean toGet =
        ((status == 301 || status == 302) && method.equals("POST"))
            || (status == 303 && !method.equals("GET") && !method.equals("HEAD"));
    String from = origin(URI.create(current.url()));
    String to = origin(next);
    boolean crossOrigin = !from.equals(to);
    List<HeaderLine> headers = new ArrayList<>();
    for (HeaderLine header : current.headers()) {
      String lower = header.name().toLowerCase(Locale.ROOT);
      if (toGet && BODY_HEADERS.contains(lower)) {
        continue;
      }
      if (crossOrigin && lower.equals("authorization")) {
        continue; // removed on a cross-origin redirect
      }
      headers.add(header);
    }
    // The tainted-origin flag: a cross-origin hop from a URL that is not the page's own origin.
    boolean tainted = current.origin().equals("null") || crossOrigin && !pageOrigin.equals(from);
    return new Step(
        new CorsRequest(
            next.toString(),
            tainted ? "null" : current.origin(),
            toGet ? "GET" : current.method(),
            headers,
            current.credentials()),
        toGet,
        null);
  }

  /**
   * @param request the next request, or null when the redirect is a network error
   * @param bodyDropped the redirect turned the request into a GET without its body
   * @param failure why the redirect is a network error, or null
   */
  public record Step(CorsRequest request, boolean bodyDropped, String failure) {
    static Step failed(String why) {
      return new Step(null, false, why);
    }
  }

  private static String origin(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    if (port == -1) {
      port = scheme.equals("https") ? 443 : 80;
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    return scheme + "://" + host + ":" + port;
  }
}
