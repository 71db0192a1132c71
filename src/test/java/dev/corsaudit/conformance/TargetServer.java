package dev.corsaudit.conformance;

import dev.corsaudit.model.HeaderLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The cross-origin API the page calls: {@code /<nonce>/case/<id>} answers OPTIONS with the case's
 * preflight and anything else with its actual response, {@code /<nonce>/case/<id>/<n>} the same
 * with the case's n-th redirect hop, and it notes what the browser sent to each. The server is
 * reached by two origins, {@code localhost:<port>} and {@code 127.0.0.1:<port>} (both cross-origin
 * to the page), so a redirect can stay on an origin or change it. The per-run nonce keeps any
 * preflight cache from a previous run out of play.
 */
final class TargetServer implements AutoCloseable {

  /**
   * What the browser sent to one URL of a case.
   *
   * @param actualHeaderNames the lower-cased header names of the first non-OPTIONS request
   * @param actualBody that request's body, or null when it had none
   */
  record Sighting(
      int preflights,
      String requestMethodHeader,
      String requestHeadersHeader,
      String preflightOrigin,
      int actuals,
      String actualMethod,
      String actualOrigin,
      List<String> actualHeaderNames,
      String actualBody) {

    static final Sighting NONE = new Sighting(0, null, null, null, 0, null, null, List.of(), null);
  }

  private final RawHttpServer server;
  private final String nonce;
  private final Map<String, ConformanceCase> cases;
  private final Map<String, Sighting> sightings = new ConcurrentHashMap<>();
  private volatile String pageOrigin = "";

  private TargetServer(List<ConformanceCase> cases, String nonce) throws IOException {
    this.nonce = nonce;
    this.cases = cases.stream().collect(Collectors.toMap(ConformanceCase::id, Function.identity()));
    this.server = RawHttpServer.start(this::handle);
  }

  static TargetServer start(List<ConformanceCase> cases, String nonce) throws IOException {
    return new TargetServer(cases, nonce);
  }

  /** Cases' {@code {origin}} placeholders are filled with this (the page's origin). */
  void pageOrigin(String origin) {
    this.pageOrigin = origin;
  }

  /** Base URL for {@link ConformanceCase#url}; 'localhost' so it is cross-origin to 127.0.0.1. */
  String baseUrl() {
    return "http://localhost:" + server.port() + "/" + nonce;
  }

  /** The same server as a second origin ({@link ConformanceCase#secondTarget}). */
  String secondBaseUrl() {
    return ConformanceCase.secondTarget(baseUrl());
  }

  Sighting sighting(String caseId) {
    return sighting(caseId, 0);
  }

  /** What reached hop {@code n} of a case (0: the case URL itself). */
  Sighting sighting(String caseId, int n) {
    return sightings.getOrDefault(key(caseId, n), Sighting.NONE);
  }

  private static String key(String caseId, int n) {
    return n == 0 ? caseId : caseId + "/" + n;
  }

  private RawHttpServer.Response handle(RawHttpServer.Request request) {
    String prefix = "/" + nonce + "/case/";
    String rest =
        request.target().startsWith(prefix) ? request.target().substring(prefix.length()) : "";
    int slash = rest.indexOf('/');
    String id = slash < 0 ? rest : rest.substring(0, slash);
    int hop = slash < 0 ? 0 : hopNumber(rest.substring(slash + 1));
    Optional<ConformanceCase> found = Optional.ofNullable(cases.get(id));
    if (found.isEmpty() || hop < 0 || hop > found.get().redirects().size()) {
      return RawHttpServer.Response.text(404, "text/plain", "no such case: " + request.target());
    }
    ConformanceCase c = found.get();
    CaseResponse preflight = hop == 0 ? c.preflight() : c.redirects().get(hop - 1).preflight();
    CaseResponse answer = hop == 0 ? c.actual() : c.redirects().get(hop - 1).response();
    if (request.method().equals("OPTIONS")) {
      sightings.merge(key(id, hop), preflightSighting(request), TargetServer::combine);
      // An unexpected preflight gets a plain 403 so the case fails visibly.
      return preflight == null
          ? RawHttpServer.Response.text(403, "text/plain", "no preflight expected")
          : play(preflight);
    }
    sightings.merge(key(id, hop), actualSighting(request), TargetServer::combine);
    return play(answer);
  }

  private static int hopNumber(String text) {
    return text.matches("[1-9][0-9]{0,2}") ? Integer.parseInt(text) : -1;
  }

  private RawHttpServer.Response play(CaseResponse response) {
    List<HeaderLine> headers = response.wireHeaders(pageOrigin, baseUrl(), secondBaseUrl());
    return new RawHttpServer.Response(
        response.status(),
        headers,
        response.body().getBytes(StandardCharsets.UTF_8),
        response.wireRawHeaders(pageOrigin));
  }

  private static Sighting preflightSighting(RawHttpServer.Request request) {
    return new Sighting(
        1,
        request.header("Access-Control-Request-Method"),
        request.header("Access-Control-Request-Headers"),
        request.header("Origin"),
        0,
        null,
        null,
        List.of(),
        null);
  }

  private static Sighting actualSighting(RawHttpServer.Request request) {
    return new Sighting(
        0,
        null,
        null,
        null,
        1,
        request.method(),
        request.header("Origin"),
        request.headers().stream().map(HeaderLine::lowerName).distinct().toList(),
        request.body().length == 0 ? null : request.bodyText());
  }

  private static Sighting combine(Sighting a, Sighting b) {
    return new Sighting(
        a.preflights() + b.preflights(),
        first(a.requestMethodHeader(), b.requestMethodHeader()),
        first(a.requestHeadersHeader(), b.requestHeadersHeader()),
        first(a.preflightOrigin(), b.preflightOrigin()),
        a.actuals() + b.actuals(),
        first(a.actualMethod(), b.actualMethod()),
        first(a.actualOrigin(), b.actualOrigin()),
        a.actuals() > 0 ? a.actualHeaderNames() : b.actualHeaderNames(),
        a.actuals() > 0 ? a.actualBody() : b.actualBody());
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
