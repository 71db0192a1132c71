package dev.corsaudit.conformance;

import dev.corsaudit.grade.Engine;
import dev.corsaudit.grade.Outcome;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.RecordedResponse;
import dev.corsaudit.model.SentRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One CORS situation: the page's fetch(), what the server answers to the preflight (null when no
 * preflight is expected) and to the actual request, and what real browsers did with it.
 *
 * <p>The {@code to*} methods turn a case into the values cors-audit's grader takes, so a grader
 * verdict can be held against {@link #expect()}.
 *
 * @param source where the situation comes from: a cors-rules.md section, a WPT file, a seed or a
 *     field note
 * @param redirects the responses after a redirect of the actual request, in order (empty for a case
 *     whose actual response is final); {@code redirects[n-1]} is served at {@code url/<n>}
 * @param expect the outcome each browser engine actually produced (verified by
 *     BrowserConformanceTest), plus the spec's where the case file gives it
 * @param requestHeadersQuirks the Access-Control-Request-Headers an engine sends where it differs
 *     from the Fetch rules (e.g. Chromium drops a script-set User-Agent), "" for none; usually
 *     empty
 * @param observed what each real browser did in full (requests the server saw, readable headers,
 *     console lines), as recorded by {@code record-observations.py}; BrowserConformanceTest holds
 *     every fresh run against it
 */
public record ConformanceCase(
    String id,
    String description,
    String source,
    CaseRequest request,
    CaseResponse preflight,
    CaseResponse actual,
    List<CaseHop> redirects,
    Map<Engine, Outcome> expect,
    Map<Engine, String> requestHeadersQuirks,
    Map<Engine, RecordedObservation> observed) {

  /** The page origin used when a case is graded rather than run (any origin would do). */
  public static final String GRADING_ORIGIN = "http://127.0.0.1:8000";

  private static final String HTTP_VERSION = "HTTP/1.1";

  public ConformanceCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(actual, "actual");
    redirects = List.copyOf(redirects);
    expect = Map.copyOf(expect);
    requestHeadersQuirks = Map.copyOf(requestHeadersQuirks);
    observed = Map.copyOf(observed);
  }

  public boolean expectsPreflight() {
    return preflight != null;
  }

  /**
   * Whether {@code engine} sends a preflight for this case: a non-safelisted method, or CORS-unsafe
   * headers after the engine's quirks ({@link #requestHeadersHeader(Engine)}). Engines differ, e.g.
   * Chromium drops a page-set User-Agent and safelists some client hints.
   */
  public boolean needsPreflight(Engine engine) {
    return !FetchRequestRules.isSafelistedMethod(request.method())
        || requestHeadersHeader(engine) != null;
  }

  /** The URL the page fetches for this case below {@code targetBaseUrl} (no trailing slash). */
  public String url(String targetBaseUrl) {
    return targetBaseUrl + "/case/" + id;
  }

  /** The URL of hop {@code n} (1-based: the request after the n-th redirect). */
  public String hopUrl(String targetBaseUrl, int n) {
    return url(targetBaseUrl) + "/" + n;
  }

  /** Whether the actual request is answered with a chain of responses (redirects). */
  public boolean redirected() {
    return !redirects.isEmpty() || actual.isRedirect();
  }

  public CorsRequest toCorsRequest(String targetBaseUrl) {
    return toCorsRequest(targetBaseUrl, GRADING_ORIGIN);
  }

  public CorsRequest toCorsRequest(String targetBaseUrl, String origin) {
    return new CorsRequest(
        url(targetBaseUrl), origin, request.method(), request.headers(), request.credentials());
  }

  /** The preflight a browser sends and the case's answer to it, or null when none is expected. */
  public Exchange toPreflightExchange(String targetBaseUrl) {
    return toPreflightExchange(targetBaseUrl, GRADING_ORIGIN);
  }

  public Exchange toPreflightExchange(String targetBaseUrl, String origin) {
    if (preflight == null) {
      return null;
    }
    List<HeaderLine> sent = new ArrayList<>();
    sent.add(new HeaderLine("Accept", "*/*"));
    sent.add(
        new HeaderLine(
            "Access-Control-Request-Method", FetchRequestRules.normaliseMethod(request.method())));
    String requestHeaders = requestHeadersHeader();
    if (requestHeaders != null) {
      sent.add(new HeaderLine("Access-Control-Request-Headers", requestHeaders));
    }
    sent.add(new HeaderLine("Origin", origin));
    return exchange("OPTIONS", url(targetBaseUrl), sent, preflight, origin, targetBaseUrl);
  }

  /**
   * The preflight's Access-Control-Request-Headers per the Fetch rules (sorted, lower-case,
   * comma-joined CORS-unsafe names), or null when there are none.
   */
  public String requestHeadersHeader() {
    List<String> unsafe = FetchRequestRules.unsafeNames(request.headers());
    return unsafe.isEmpty() ? null : String.join(",", unsafe);
  }

  /** What {@code engine} actually sends as Access-Control-Request-Headers for this case. */
  public String requestHeadersHeader(Engine engine) {
    String quirk = requestHeadersQuirks.get(engine);
    if (quirk == null) {
      return requestHeadersHeader();
    }
    return quirk.isEmpty() ? null : quirk;
  }

  /** The actual request and the case's answer to it. */
  public Exchange toActualExchange(String targetBaseUrl) {
    return toActualExchange(targetBaseUrl, GRADING_ORIGIN);
  }

  public Exchange toActualExchange(String targetBaseUrl, String origin) {
    // What the browser sends: forbidden names dropped, repeated names combined.
    List<HeaderLine> sent = new ArrayList<>(FetchRequestRules.headerList(request.headers()));
    sent.add(new HeaderLine("Origin", origin));
    String method = FetchRequestRules.normaliseMethod(request.method());
    return exchange(method, url(targetBaseUrl), sent, actual, origin, targetBaseUrl);
  }

  /**
   * The base URL of the target's second origin when the first is {@code targetBaseUrl}: the same
   * server named by another loopback host ({@code localhost} and {@code 127.0.0.1} swap).
   */
  public static String secondTarget(String targetBaseUrl) {
    return targetBaseUrl.contains("//localhost")
        ? targetBaseUrl.replace("//localhost", "//127.0.0.1")
        : targetBaseUrl.replace("//127.0.0.1", "//localhost");
  }

  /**
   * A case with raw lines is graded as the raw recorder would record it: every line of the block as
   * sent, so each engine reads it with its own parser rules. Null for a well-formed case.
   */
  private static List<String> rawHeaderLines(
      CaseResponse answer, String origin, String targetBaseUrl) {
    if (answer.rawHeaders().isEmpty()) {
      return null;
    }
    List<String> lines = new ArrayList<>(answer.wireRawHeaders(origin));
    for (HeaderLine line : answer.wireHeaders(origin, targetBaseUrl, secondTarget(targetBaseUrl))) {
      lines.add(line.name() + ": " + line.value() + "\r\n");
    }
    return lines;
  }

  static Exchange exchange(
      String method,
      String url,
      List<HeaderLine> sent,
      CaseResponse answer,
      String origin,
      String targetBaseUrl) {
    SentRequest sentRequest = new SentRequest(method, url, HTTP_VERSION, sent, List.of());
    RecordedResponse response =
        new RecordedResponse(
            answer.status(),
            HTTP_VERSION,
            answer.wireHeaders(origin, targetBaseUrl, secondTarget(targetBaseUrl)),
            answer.contentType(),
            answer.body(),
            false,
            rawHeaderLines(answer, origin, targetBaseUrl));
    return Exchange.ofResponse(sentRequest, response, Instant.EPOCH, 0);
  }
}
