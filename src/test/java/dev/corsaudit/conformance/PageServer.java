package dev.corsaudit.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corsaudit.model.HeaderLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The page's own origin (http://127.0.0.1:port): serves the runner page and the case plan, and
 * collects the page's reports, which it posts back same-origin.
 */
final class PageServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RawHttpServer server;
  private final byte[] page;
  private final byte[] plan;
  private final Map<String, BrowserReport> reports = new ConcurrentHashMap<>();
  private final CountDownLatch done = new CountDownLatch(1);

  private PageServer(List<ConformanceCase> cases, String targetBaseUrl) throws IOException {
    this.page = resource("conformance/page.html");
    this.plan = plan(cases, targetBaseUrl);
    this.server = RawHttpServer.start(this::handle);
  }

  static PageServer start(List<ConformanceCase> cases, String targetBaseUrl) throws IOException {
    return new PageServer(cases, targetBaseUrl);
  }

  String origin() {
    return "http://127.0.0.1:" + server.port();
  }

  String pageUrl() {
    return origin() + "/";
  }

  /** Waits until the page says it ran every case; false on timeout. */
  boolean awaitDone(long timeoutMillis) throws InterruptedException {
    return done.await(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  Map<String, BrowserReport> reports() {
    return Map.copyOf(reports);
  }

  private RawHttpServer.Response handle(RawHttpServer.Request request) throws IOException {
    switch (request.method() + " " + request.target()) {
      case "GET /":
        return new RawHttpServer.Response(
            200, List.of(new HeaderLine("Content-Type", "text/html; charset=utf-8")), page);
      case "GET /plan":
        return new RawHttpServer.Response(
            200, List.of(new HeaderLine("Content-Type", "application/json")), plan);
      case "POST /result":
        BrowserReport report = parseReport(JSON.readTree(request.body()));
        reports.put(report.id(), report);
        return RawHttpServer.Response.text(204, "text/plain", "");
      case "POST /done":
        done.countDown();
        return RawHttpServer.Response.text(204, "text/plain", "");
      default:
        return RawHttpServer.Response.text(404, "text/plain", "not found");
    }
  }

  private static BrowserReport parseReport(JsonNode node) {
    List<HeaderLine> headers = new ArrayList<>();
    for (JsonNode pair : node.path("headers")) {
      headers.add(new HeaderLine(pair.get(0).asText(), pair.get(1).asText()));
    }
    JsonNode error = node.get("error");
    return new BrowserReport(
        node.path("id").asText(),
        node.path("ok").asBoolean(),
        error == null || error.isNull() ? null : error.asText(),
        node.path("status").asInt(),
        headers);
  }

  private static byte[] plan(List<ConformanceCase> cases, String targetBaseUrl) {
    ArrayNode plan = JSON.createArrayNode();
    for (ConformanceCase c : cases) {
      ObjectNode entry = plan.addObject();
      entry.put("id", c.id());
      entry.put("url", c.url(targetBaseUrl));
      entry.put("method", c.request().method());
      ArrayNode headers = entry.putArray("headers");
      for (HeaderLine line : c.request().headers()) {
        headers.addArray().add(line.name()).add(line.value());
      }
      entry.put("credentials", c.request().credentials().wireName());
      entry.put("body", c.request().body());
    }
    try {
      return JSON.writeValueAsBytes(plan);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = PageServer.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing test resource " + name);
      }
      return in.readAllBytes();
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
