package dev.corsaudit.fetch;

import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.PlannedRequest;
import dev.corsaudit.model.PreflightPlan;
import dev.corsaudit.model.Setting;
import dev.corsaudit.model.UserException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Turns the request a page makes into the requests a browser (Chromium) puts on the wire: the
 * preflight and the actual request. Pure: no I/O.
 */
public final class BrowserRequests {

  /**
   * A current desktop Chrome on Linux, so servers that branch on User-Agent answer as for users.
   */
  public static final String DEFAULT_USER_AGENT =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/156.0.0.0 Safari/537.36";

  static final int MAX_SAFELISTED_TOTAL = 1024;

  private BrowserRequests() {}

  /** The browser's decision, per the Fetch Standard as Chromium implements it. */
  public static PreflightPlan plan(CorsRequest request) {
    return plan(request, RequestRules.CHROMIUM);
  }

  /**
   * @param dropsUserAgent true for Chromium's rules, false for the spec's (kept for callers that
   *     only care about the User-Agent difference)
   */
  public static PreflightPlan plan(CorsRequest request, boolean dropsUserAgent) {
    return plan(request, dropsUserAgent ? RequestRules.CHROMIUM : RequestRules.SPEC);
  }

  /**
   * The decision of one engine. Forbidden request headers are dropped, not refused: fetch() does
   * not throw for them, the browser silently leaves them out ({@link #droppedHeaders} names them
   * for the warning). A forbidden method still throws in fetch(), so it is still refused.
   */
  public static PreflightPlan plan(CorsRequest request, RequestRules rules) {
    if (FetchMethods.isForbidden(request.method())) {
      throw new UserException(
          "method '"
              + request.method()
              + "' cannot be used by a page (fetch() rejects it); use another method",
          Setting.METHOD);
    }
    String method = FetchMethods.normalize(request.method());
    List<String> unsafe = unsafeHeaderNames(headerList(request.headers(), rules), rules);
    boolean needed = !FetchMethods.isSafelisted(method) || !unsafe.isEmpty();
    return new PreflightPlan(method, unsafe, needed);
  }

  /** The page-set headers the browser silently drops (forbidden request-headers), in page order. */
  public static List<String> droppedHeaders(CorsRequest request) {
    List<String> dropped = new ArrayList<>();
    for (HeaderLine header : request.headers()) {
      if (ForbiddenHeaders.isForbidden(header.name(), header.value())
          && dropped.stream().noneMatch(header::hasName)) {
        dropped.add(header.name());
      }
    }
    return dropped;
  }

  /**
   * The header list an engine keeps from what the page set, in the order the page first set each
   * name and with its first spelling (WebKit's console names headers that way): forbidden names
   * dropped, a script-set User-Agent dropped where the engine does so, and a name set twice
   * combined into "a, b" where the engine combines (Fetch "append").
   */
  public static List<HeaderLine> headerList(List<HeaderLine> pageHeaders, RequestRules rules) {
    List<HeaderLine> out = new ArrayList<>();
    for (HeaderLine header : pageHeaders) {
      if (ForbiddenHeaders.isForbidden(header.name(), header.value())
          || (rules.dropsUserAgent() && header.hasName("User-Agent"))) {
        continue;
      }
      int seen = rules.combinesRepeatedNames() ? indexOf(out, header.name()) : -1;
      if (seen < 0) {
        out.add(header);
      } else {
        HeaderLine first = out.get(seen);
        out.set(seen, new HeaderLine(first.name(), first.value() + ", " + header.value()));
      }
    }
    return out;
  }

  private static int indexOf(List<HeaderLine> headers, String name) {
    for (int i = 0; i < headers.size(); i++) {
      if (headers.get(i).hasName(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Fetch "CORS-unsafe request-header names": sorted, lower-case, de-duplicated. */
  static List<String> unsafeHeaderNames(List<HeaderLine> headers, RequestRules rules) {
    TreeSet<String> unsafe = new TreeSet<>();
    List<String> safelisted = new ArrayList<>();
    long safelistedBytes = 0;
    for (HeaderLine header : headers) {
      String lower = header.name().toLowerCase(Locale.ROOT);
      if (HeaderSafelist.isSafelisted(header.name(), header.value(), rules)) {
        safelisted.add(lower);
        safelistedBytes += HeaderSafelist.byteLength(header.value());
      } else {
        unsafe.add(lower);
      }
    }
    if (safelistedBytes > MAX_SAFELISTED_TOTAL) {
      unsafe.addAll(safelisted);
    }
    return List.copyOf(unsafe);
  }

  /** The OPTIONS preflight, headers in the order Chromium sends them. */
  public static PlannedRequest preflight(CorsRequest request, String probeUrl, String userAgent) {
    return preflight(request, plan(request), probeUrl, userAgent);
  }

  /** The preflight one engine sends for its own plan of the request. */
  public static PlannedRequest preflight(
      CorsRequest request, PreflightPlan plan, String probeUrl, String userAgent) {
    List<HeaderLine> headers = new ArrayList<>();
    headers.add(new HeaderLine("Accept", "*/*"));
    headers.add(new HeaderLine("Accept-Language", "en-US,en;q=0.9"));
    if (plan.accessControlRequestHeaders() != null) {
      headers.add(
          new HeaderLine("Access-Control-Request-Headers", plan.accessControlRequestHeaders()));
    }
    headers.add(new HeaderLine("Access-Control-Request-Method", plan.normalizedMethod()));
    addContextHeaders(headers, request, userAgent);
    // Chromium also sends Accept-Encoding; we do not, because the JDK client would hand us the
    // compressed bytes of an error page instead of text.
    return new PlannedRequest("OPTIONS", probeUrl, headers, null);
  }

  /** The actual request after a passing preflight (or instead of one, for a simple request). */
  public static PlannedRequest actual(
      CorsRequest request, String probeUrl, String userAgent, byte[] body) {
    PreflightPlan plan = plan(request);
    List<HeaderLine> headers = new ArrayList<>();
    boolean hasAccept = false;
    for (HeaderLine header : request.headers()) {
      if (header.hasName("User-Agent")) {
        continue; // Chromium ignores a script-set User-Agent; the browser's own is sent below.
      }
      if (ForbiddenHeaders.isForbidden(header.name(), header.value())) {
        continue; // the browser drops it (graded with a FORBIDDEN_HEADER_DROPPED warning)
      }
      hasAccept |= header.hasName("Accept");
      headers.add(header);
    }
    if (!hasAccept) {
      headers.add(0, new HeaderLine("Accept", "*/*"));
    }
    headers.add(new HeaderLine("Accept-Language", "en-US,en;q=0.9"));
    addContextHeaders(headers, request, userAgent);
    return new PlannedRequest(plan.normalizedMethod(), probeUrl, headers, body);
  }

  private static void addContextHeaders(
      List<HeaderLine> headers, CorsRequest request, String userAgent) {
    headers.add(new HeaderLine("Origin", request.origin()));
    if (!request.origin().equals("null") && request.origin().matches("https?://.*")) {
      // Default referrer policy strict-origin-when-cross-origin: a cross-origin request carries
      // only the page's origin.
      headers.add(new HeaderLine("Referer", request.origin() + "/"));
    }
    headers.add(new HeaderLine("Sec-Fetch-Dest", "empty"));
    headers.add(new HeaderLine("Sec-Fetch-Mode", "cors"));
    headers.add(new HeaderLine("Sec-Fetch-Site", SecFetchSite.of(request.origin(), request.url())));
    headers.add(new HeaderLine("User-Agent", userAgent));
  }
}
