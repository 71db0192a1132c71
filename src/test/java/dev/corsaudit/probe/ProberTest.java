package dev.corsaudit.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.fetch.BrowserRequests;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.NetworkErrorKind;
import dev.corsaudit.model.PlannedRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The probe against MockWebServer: what the server receives, and what we record. */
@Timeout(30)
class ProberTest {

  @StartStop public final MockWebServer server = new MockWebServer();

  private static final ProbeOptions FAST =
      ProbeOptions.defaults().withTimeout(Duration.ofSeconds(3)).withConnectRetries(0);

  private PlannedRequest preflight(String path) {
    CorsRequest request =
        new CorsRequest(
            "https://api.example.com/v1/chat/completions",
            "http://localhost:3000",
            "POST",
            List.of(
                new HeaderLine("Authorization", "Bearer sk-secret"),
                new HeaderLine("Content-Type", "application/json")),
            CredentialsMode.OMIT);
    return BrowserRequests.preflight(
        request, server.url(path).toString(), BrowserRequests.DEFAULT_USER_AGENT);
  }

  @Test
  void serverReceivesABrowserShapedPreflight() throws Exception {
    server.enqueue(
        new MockResponse.Builder().code(204).addHeader("Access-Control-Allow-Origin", "*").build());
    try (Prober prober = new Prober(FAST)) {
      Exchange exchange = prober.send(preflight("/v1/chat/completions")).join();
      assertNull(exchange.error());
    }
    RecordedRequest received = server.takeRequest(5, TimeUnit.SECONDS);
    assertNotNull(received);
    assertEquals("OPTIONS", received.getMethod());
    assertEquals("/v1/chat/completions", received.getTarget());
    assertEquals("HTTP/1.1", received.getVersion());
    assertEquals("http://localhost:3000", received.getHeaders().get("Origin"));
    assertEquals("POST", received.getHeaders().get("Access-Control-Request-Method"));
    assertEquals(
        "authorization,content-type", received.getHeaders().get("Access-Control-Request-Headers"));
    assertEquals("*/*", received.getHeaders().get("Accept"));
    assertEquals("cors", received.getHeaders().get("Sec-Fetch-Mode"));
    assertEquals("empty", received.getHeaders().get("Sec-Fetch-Dest"));
    assertEquals(BrowserRequests.DEFAULT_USER_AGENT, received.getHeaders().get("User-Agent"));
    // What no browser preflight carries: an h2c upgrade, cookies, credentials.
    assertNull(received.getHeaders().get("Upgrade"));
    assertNull(received.getHeaders().get("HTTP2-Settings"));
    assertNull(received.getHeaders().get("Cookie"));
    assertNull(received.getHeaders().get("Authorization"));
    // The one documented difference the JDK client forces on us.
    assertEquals("0", received.getHeaders().get("Content-Length"));
  }

  @Test
  void repeatedHeaderLinesStaySeparateAndInOrder() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Access-Control-Allow-Origin", "https://a.example")
            .addHeader("X-Mid", "1")
            .addHeader("Access-Control-Allow-Origin", "https://b.example")
            .addHeader("Vary", "Origin")
            .addHeader("Vary", "Access-Control-Request-Headers")
            .addHeader("X-Empty", "")
            .build());
    try (Prober prober = new Prober(FAST)) {
      Exchange exchange = prober.send(preflight("/")).join();
      List<HeaderLine> headers = exchange.response().headers();
      assertEquals(
          List.of("https://a.example", "https://b.example"),
          HeaderLine.values(headers, "Access-Control-Allow-Origin"));
      assertEquals(
          List.of("Origin", "Access-Control-Request-Headers"), HeaderLine.values(headers, "Vary"));
      assertEquals(List.of(""), HeaderLine.values(headers, "X-Empty"));
      assertEquals("HTTP/1.1", exchange.response().httpVersion());
    }
  }

  @Test
  void redirectIsRecordedNotFollowed() {
    server.enqueue(
        new MockResponse.Builder().code(302).addHeader("Location", "/elsewhere").build());
    server.enqueue(new MockResponse.Builder().code(200).build());
    try (Prober prober = new Prober(FAST)) {
      Exchange exchange = prober.send(preflight("/start")).join();
      assertEquals(302, exchange.response().status());
      assertEquals("/elsewhere", exchange.response().header("Location"));
      assertEquals(1, server.getRequestCount());
    }
  }

  @Test
  void bodyHeadAndContentTypeAreKept() {
    String html = "<!DOCTYPE html><html>" + "x".repeat(10_000) + "</html>";
    server.enqueue(
        new MockResponse.Builder()
            .code(404)
            .addHeader("Content-Type", "text/html")
            .body(html)
            .build());
    try (Prober prober = new Prober(FAST.withBodyHeadBytes(1024))) {
      Exchange exchange = prober.send(preflight("/")).join();
      assertEquals("text/html", exchange.response().contentType());
      assertEquals(1024, exchange.response().bodyHead().length());
      assertTrue(exchange.response().bodyTruncated());
    }
  }

  @Test
  void slowHeadersBecomeTimeout() {
    server.enqueue(new MockResponse.Builder().code(204).headersDelay(5, TimeUnit.SECONDS).build());
    try (Prober prober =
        new Prober(
            ProbeOptions.defaults().withTimeout(Duration.ofMillis(500)).withConnectRetries(0))) {
      long start = System.nanoTime();
      Exchange exchange = prober.send(preflight("/")).join();
      assertEquals(NetworkErrorKind.TIMEOUT, exchange.error().kind());
      assertTrue((System.nanoTime() - start) / 1_000_000 < 3000, "gave up within the timeout");
      assertTrue(exchange.error().message().contains("within 500ms"), exchange.error().message());
    }
  }

  @Test
  void concurrencyIsBounded() {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            int now = inFlight.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
            Thread.sleep(30);
            inFlight.decrementAndGet();
            return new MockResponse.Builder().code(204).build();
          }
        });
    try (Prober prober = new Prober(FAST.withConcurrency(50).withPerHostConcurrency(10))) {
      List<Exchange> all =
          java.util.stream.IntStream.range(0, 120)
              .mapToObj(i -> prober.send(preflight("/" + i)))
              .toList()
              .stream()
              .map(f -> f.join())
              .toList();
      assertTrue(all.stream().allMatch(e -> e.error() == null && e.response().status() == 204));
    }
    assertTrue(peak.get() <= 10, "per-host limit 10, saw " + peak.get());
    assertTrue(peak.get() >= 2, "requests ran concurrently, saw " + peak.get());
  }

  @Test
  void serverErrorsAreNeverRetried() {
    server.enqueue(new MockResponse.Builder().code(500).build());
    server.enqueue(new MockResponse.Builder().code(204).build());
    try (Prober prober = new Prober(FAST.withConnectRetries(3))) {
      assertEquals(500, prober.send(preflight("/")).join().response().status());
    }
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void reusableAfterAFailure() {
    server.enqueue(new MockResponse.Builder().code(204).build());
    try (Prober prober = new Prober(FAST)) {
      Exchange refused =
          prober.send(new PlannedRequest("OPTIONS", "http://127.0.0.1:1/", List.of(), null)).join();
      assertEquals(NetworkErrorKind.CONNECT, refused.error().kind());
      assertFalse(prober.send(preflight("/")).join().failed());
    }
  }
}
