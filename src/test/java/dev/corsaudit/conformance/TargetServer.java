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
 * preflight and anything else with its actual response, and notes what the browser sent. The
 * per-run nonce keeps any preflight cache from a previous run out of play.
 */
final class TargetServer implements AutoCloseable {

  /** What the browser sent for one case. */
  record Sighting(
      int preflights,
      String requestMethodHeader,
      String requestHeadersHeader,
      String preflightOrigin,
      int actuals,
      String actualMethod,
      String actualOrigin) {

    static final Sighting NONE = new Sighting(0, null, null, null, 0, null, null);
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

  Sighting sighting(String caseId) {
    return sightings.getOrDefault(caseId, Sighting.NONE);
  }

  private RawHttpServer.Response handle(RawHttpServer.Request request) {
    String prefix = "/" + nonce + "/case/";
    Optional<ConformanceCase> found =
        request.target().startsWith(prefix)
            ? Optional.ofNullable(cases.get(request.target().substring(prefix.length())))
            : Optional.empty();
    if (found.isEmpty()) {
      return RawHttpServer.Response.text(404, "text/plain", "no such case: " + request.target());
    }
    ConformanceCase c = found.get();
    if (request.method().equals("OPTIONS")) {
      sightings.merge(c.id(), preflightSighting(request), TargetServer::combine);
      // An unexpected preflight gets a plain 403 so the case fails visibly.
      return c.preflight() == null
          ? RawHttpServer.Response.text(403, "text/plain", "no preflight expected")
          : play(c.preflight());
    }
    sightings.merge(c.id(), actualSighting(request), TargetServer::combine);
    return play(c.actual());
  }

  private RawHttpServer.Response play(CaseResponse response) {
    List<HeaderLine> headers = response.wireHeaders(pageOrigin);
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
        null);
  }

  private static Sighting actualSighting(RawHttpServer.Request request) {
    return new Sighting(0, null, null, null, 1, request.method(), request.header("Origin"));
  }

  private static Sighting combine(Sighting a, Sighting b) {
    return new Sighting(
        a.preflights() + b.preflights(),
        first(a.requestMethodHeader(), b.requestMethodHeader()),
        first(a.requestHeadersHeader(), b.requestHeadersHeader()),
        first(a.preflightOrigin(), b.preflightOrigin()),
        a.actuals() + b.actuals(),
        first(a.actualMethod(), b.actualMethod()),
        first(a.actualOrigin(), b.actualOrigin()));
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
