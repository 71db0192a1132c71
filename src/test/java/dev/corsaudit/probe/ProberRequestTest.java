package dev.corsaudit.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.NetworkErrorKind;
import dev.corsaudit.model.PlannedRequest;
import dev.corsaudit.model.SentRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the probe records of its own request, and of bodies, against a loopback server. */
@Timeout(20)
class ProberRequestTest {

  @StartStop public final MockWebServer server = new MockWebServer();

  private static final ProbeOptions FAST =
      ProbeOptions.defaults().withTimeout(Duration.ofSeconds(3)).withConnectRetries(0);

  @Test
  void restrictedHeadersAreNotSentAndClientHeadersAreListed() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    PlannedRequest planned =
        new PlannedRequest(
            "POST",
            server.url("/v1").toString(),
            List.of(
                new HeaderLine("Host", "evil.example"),
                new HeaderLine("Connection", "close"),
                new HeaderLine("content-length", "99"),
                new HeaderLine("Expect", "100-continue"),
                new HeaderLine("Upgrade", "h2c"),
                new HeaderLine("Origin", "https://a.example"),
                new HeaderLine("Content-Type", "application/json")),
            body);
    Exchange exchange;
    try (Prober prober = new Prober(FAST)) {
      exchange = prober.send(planned).join();
    }
    SentRequest sent = exchange.request();
    assertEquals("POST", sent.method());
    assertEquals(planned.url(), sent.url());
    assertEquals("HTTP/1.1", sent.httpVersion());
    assertEquals(
        List.of(
            new HeaderLine("Origin", "https://a.example"),
            new HeaderLine("Content-Type", "application/json")),
        sent.headers());
    String authority = server.url("/").url().getAuthority();
    assertEquals(
        List.of(new HeaderLine("Host", authority), new HeaderLine("Content-Length", "7")),
        sent.clientAddedHeaders());
    RecordedRequest received = server.takeRequest(5, TimeUnit.SECONDS);
    assertNotNull(received);
    assertEquals("{\"a\":1}", received.getBody().utf8());
    assertNull(received.getHeaders().get("Upgrade"));
    assertFalse("evil.example".equals(received.getHeaders().get("Host")));
    assertEquals("ok", exchange.response().bodyHead());
    assertFalse(exchange.response().bodyTruncated());
    assertEquals("HTTP/1.1", exchange.response().httpVersion());
    assertTrue(exchange.elapsedMs() >= 0 && exchange.elapsedMs() < 5000, "" + exchange.elapsedMs());
    assertNotNull(exchange.startedAt());
  }

  @Test
  void bodylessRequestListsContentLengthZero() {
    server.enqueue(new MockResponse.Builder().code(204).build());
    try (Prober prober = new Prober(FAST)) {
      Exchange exchange =
          prober
              .send(new PlannedRequest("OPTIONS", server.url("/").toString(), List.of(), null))
              .join();
      assertEquals(
          new HeaderLine("Content-Length", "0"), exchange.request().clientAddedHeaders().get(1));
      assertEquals("", exchange.response().bodyHead());
      assertFalse(exchange.response().bodyTruncated());
      assertNull(exchange.response().contentType());
    }
  }

  @Test
  void bodyExactlyAtTheLimitIsTruncatedOnlyWhenLonger() {
    server.enqueue(new MockResponse.Builder().code(200).body("abcd").build());
    server.enqueue(new MockResponse.Builder().code(200).body("abcde").build());
    server.enqueue(new MockResponse.Builder().code(200).body("abc").build());
    try (Prober prober = new Prober(FAST.withBodyHeadBytes(4))) {
      Exchange exact = prober.send(get("/exact")).join();
      assertEquals("abcd", exact.response().bodyHead());
      Exchange longer = prober.send(get("/longer")).join();
      assertEquals("abcd", longer.response().bodyHead());
      assertTrue(longer.response().bodyTruncated());
      Exchange shorter = prober.send(get("/shorter")).join();
      assertEquals("abc", shorter.response().bodyHead());
      assertFalse(shorter.response().bodyTruncated());
    }
  }

  @Test
  void bodyInManyChunksIsReassembled() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .chunkedBody("0123456789".repeat(200), 7)
            .addHeader("Content-Type", "text/plain; charset=utf-8")
            .build());
    try (Prober prober = new Prober(FAST.withBodyHeadBytes(4096))) {
      Exchange exchange = prober.send(get("/")).join();
      assertEquals("0123456789".repeat(200), exchange.response().bodyHead());
      assertFalse(exchange.response().bodyTruncated());
      assertEquals("text/plain; charset=utf-8", exchange.response().contentType());
    }
  }

  @Test
  void bodyArrivingInSeveralReadsIsReadToTheEnd() {
    // 100 bytes every 10 ms: the body head asks for each piece in turn.
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body("0123456789".repeat(40))
            .throttleBody(100, 10, TimeUnit.MILLISECONDS)
            .build());
    try (Prober prober = new Prober(FAST.withTimeout(Duration.ofSeconds(2)))) {
      Exchange exchange = prober.send(get("/slow")).join();
      assertEquals("0123456789".repeat(40), exchange.response().bodyHead());
      assertFalse(exchange.response().bodyTruncated());
      assertTrue(exchange.elapsedMs() < 1500, "not cut by the timeout: " + exchange.elapsedMs());
    }
  }

  @Test
  void bodyLongerThanTheHeadInSeveralReadsIsCut() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body("0123456789".repeat(40))
            .throttleBody(100, 10, TimeUnit.MILLISECONDS)
            .build());
    try (Prober prober = new Prober(FAST.withBodyHeadBytes(150))) {
      Exchange exchange = prober.send(get("/long")).join();
      assertEquals("0123456789".repeat(15), exchange.response().bodyHead());
      assertTrue(exchange.response().bodyTruncated());
    }
  }

  @Test
  void invalidUrlIsAProtocolErrorNotAnException() {
    try (Prober prober = new Prober(FAST)) {
      Exchange exchange =
          prober.send(new PlannedRequest("OPTIONS", "http://bad host/", List.of(), null)).join();
      assertEquals(NetworkErrorKind.PROTOCOL, exchange.error().kind());
      assertTrue(exchange.error().message().startsWith("invalid URL"));
      assertEquals("HTTP/1.1", exchange.request().httpVersion());
      assertEquals(
          List.of(new HeaderLine("Content-Length", "0")), exchange.request().clientAddedHeaders());
    }
  }

  @Test
  void unsendableHeaderIsAProtocolError() {
    try (Prober prober = new Prober(FAST)) {
      Exchange exchange =
          prober
              .send(
                  new PlannedRequest(
                      "OPTIONS",
                      server.url("/").toString(),
                      List.of(new HeaderLine("X-Bad", "a\nb")),
                      null))
              .join();
      assertEquals(NetworkErrorKind.PROTOCOL, exchange.error().kind());
      assertTrue(
          exchange.error().message().startsWith("cannot send this request"),
          exchange.error().message());
    }
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void httpsRequestIsRecordedAsHttp2Attempt() {
    // Nothing speaks TLS on this port: the failed attempt is still recorded as an h2 request.
    try (Prober prober = new Prober(FAST)) {
      Exchange exchange =
          prober
              .send(
                  new PlannedRequest(
                      "OPTIONS", "https://127.0.0.1:" + server.getPort() + "/", List.of(), null))
              .join();
      assertNotNull(exchange.error());
      assertEquals("HTTP/2", exchange.request().httpVersion());
      assertEquals(
          List.of(new HeaderLine("Content-Length", "0")), exchange.request().clientAddedHeaders());
    }
  }

  @Test
  void theHostLineOmitsAPortTheUrlLeavesOut() {
    try (Prober prober = new Prober(FAST)) {
      Exchange exchange =
          prober
              .send(
                  new PlannedRequest(
                      "OPTIONS", "http://cors-audit-test.invalid/v1", List.of(), null))
              .join();
      assertEquals(NetworkErrorKind.DNS, exchange.error().kind(), exchange.error().message());
      assertEquals(
          List.of(
              new HeaderLine("Host", "cors-audit-test.invalid"),
              new HeaderLine("Content-Length", "0")),
          exchange.request().clientAddedHeaders());
    }
  }

  private PlannedRequest get(String path) {
    return new PlannedRequest("GET", server.url(path).toString(), List.of(), null);
  }
}
