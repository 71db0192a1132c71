package dev.corsaudit.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.NetworkErrorKind;
import dev.corsaudit.model.PlannedRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every network fault a user can meet becomes a graded ERROR row with a cause and a one-line
 * message, within the timeout, and the prober keeps working afterwards.
 */
@Timeout(60)
class ProberFaultsTest {

  private static final Duration TIMEOUT = Duration.ofMillis(1500);

  /** For the faults that make the probe wait out its whole timeout: keep the wait short. */
  private static final Duration SHORT = Duration.ofMillis(400);

  private static final ProbeOptions OPTIONS =
      ProbeOptions.defaults().withTimeout(TIMEOUT).withConnectRetries(0);

  private static Exchange send(String url) {
    return send(url, TIMEOUT);
  }

  private static Exchange send(String url, Duration timeout) {
    long start = System.nanoTime();
    Exchange exchange = OnePreflight.send(OPTIONS.withTimeout(timeout), url);
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertTrue(ms < timeout.toMillis() + 2000, "answered in " + ms + " ms");
    return exchange;
  }

  private static void assertError(Exchange exchange, NetworkErrorKind kind) {
    assertNotNull(exchange.error(), "expected an error, got " + exchange.response());
    assertEquals(kind, exchange.error().kind(), exchange.error().message());
    assertFalse(exchange.error().message().contains("\n"), "one line");
    assertFalse(
        exchange.error().message().contains("Exception"),
        "no exception class names: " + exchange.error().message());
  }

  @Test
  void connectionRefused() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Exchange exchange = send("http://127.0.0.1:" + port + "/");
    assertError(exchange, NetworkErrorKind.CONNECT);
    assertTrue(exchange.error().message().contains("refused"), exchange.error().message());
  }

  @Test
  void unresolvableHost() {
    assertError(send("http://cors-audit-test.invalid/v1"), NetworkErrorKind.DNS);
  }

  @Test
  void resetMidHeaders() throws IOException {
    try (FaultServer server =
        new FaultServer(
            (socket, in, out) -> {
              FaultServer.write(out, "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Ori");
              socket.setSoLinger(true, 0);
              socket.close();
            })) {
      Exchange exchange = send(server.url());
      assertNotNull(exchange.error());
      assertTrue(
          exchange.error().kind() == NetworkErrorKind.PROTOCOL
              || exchange.error().kind() == NetworkErrorKind.CONNECT,
          exchange.error().toString());
    }
  }

  @Test
  void tlsHandshakeFailure() throws IOException {
    try (FaultServer server =
        new FaultServer(
            (socket, in, out) -> FaultServer.write(out, "HTTP/1.1 400 Bad Request\r\n\r\n"),
            false)) {
      Exchange exchange = send(server.url().replace("http://", "https://"));
      assertError(exchange, NetworkErrorKind.TLS);
      assertEquals(
          "the server did not answer TLS: is it plain HTTP? try " + server.url(),
          exchange.error().message());
      assertEquals(
          "use http:// for this endpoint, or enable TLS on the server", exchange.error().fix());
    }
  }

  @Test
  void aDeadlineCutNamesTheDeadlineNotTheTimeout() throws IOException {
    try (FaultServer server = new FaultServer((socket, in, out) -> Thread.sleep(10_000));
        Prober prober =
            new Prober(
                ProbeOptions.defaults()
                    .withTimeout(Duration.ofSeconds(30))
                    .withDeadline(Duration.ofSeconds(1))
                    .withConnectRetries(0))) {
      Exchange exchange =
          prober
              .send(
                  new PlannedRequest(
                      "OPTIONS",
                      server.url(),
                      List.of(new HeaderLine("Origin", "https://a.example")),
                      null))
              .join();
      assertError(exchange, NetworkErrorKind.TIMEOUT);
      assertTrue(
          exchange.error().message().endsWith("before the run's deadline of 1s"),
          exchange.error().message());
      assertTrue(exchange.error().fix().startsWith("raise the run's deadline"));
    }
  }

  @Test
  void neverAnswers() throws IOException {
    try (FaultServer server = new FaultServer((socket, in, out) -> Thread.sleep(10_000))) {
      assertError(send(server.url(), SHORT), NetworkErrorKind.TIMEOUT);
    }
  }

  @Test
  void dripsOneBytePerSecond() throws IOException {
    try (FaultServer server =
        new FaultServer(
            (socket, in, out) -> {
              for (char c : "HTTP/1.1 204 No Content\r\n\r\n".toCharArray()) {
                out.write(c);
                out.flush();
                Thread.sleep(1000);
              }
            })) {
      assertError(send(server.url(), SHORT), NetworkErrorKind.TIMEOUT);
    }
  }

  @Test
  void invalidStatusLine() throws IOException {
    try (FaultServer server =
        new FaultServer((socket, in, out) -> FaultServer.write(out, "HTPT/9 OK OK\r\n\r\n"))) {
      assertError(send(server.url()), NetworkErrorKind.PROTOCOL);
    }
  }

  @Test
  void oneMebibyteHeaderIsAnErrorNotAHang() throws IOException {
    try (FaultServer server =
        new FaultServer(
            (socket, in, out) ->
                FaultServer.write(
                    out,
                    "HTTP/1.1 204 No Content\r\nX-Big: " + "a".repeat(1 << 20) + "\r\n\r\n"))) {
      Exchange exchange = send(server.url());
      // The JDK client caps header size; either outcome is a recorded row, never a crash or hang.
      assertTrue(exchange.error() != null || exchange.response().status() == 204);
      if (exchange.error() != null) {
        assertEquals(
            NetworkErrorKind.PROTOCOL, exchange.error().kind(), exchange.error().message());
      }
    }
  }

  @Test
  void thousandHeaderLinesAreAllRecorded() throws IOException {
    StringBuilder response = new StringBuilder("HTTP/1.1 204 No Content\r\n");
    for (int i = 0; i < 1000; i++) {
      response.append("X-Line: ").append(i).append("\r\n");
    }
    response.append("Access-Control-Allow-Origin: *\r\n\r\n");
    try (FaultServer server =
        new FaultServer((socket, in, out) -> FaultServer.write(out, response.toString()))) {
      Exchange exchange = send(server.url());
      assertEquals(1000, HeaderLine.values(exchange.response().headers(), "X-Line").size());
    }
  }

  @Test
  void endlessBodyIsCutAtTheHead() throws IOException {
    try (FaultServer server =
        new FaultServer(
            (socket, in, out) -> {
              FaultServer.write(
                  out,
                  "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n");
              while (!socket.isClosed()) {
                FaultServer.write(out, "400\r\n" + "<p>".repeat(341) + "<\r\n");
              }
            })) {
      Exchange exchange = send(server.url());
      assertEquals(404, exchange.response().status());
      assertTrue(exchange.response().bodyTruncated());
    }
  }

  @Test
  void bodyThatNeverEndsSlowlyKeepsTheHeaders() throws IOException {
    try (FaultServer server =
        new FaultServer(
            (socket, in, out) -> {
              FaultServer.write(
                  out, "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\nVary: Origin\r\n\r\nabc");
              Thread.sleep(10_000);
            })) {
      Exchange exchange = send(server.url(), SHORT);
      assertEquals(200, exchange.response().status());
      assertEquals("Origin", exchange.response().header("Vary"));
      assertTrue(exchange.response().bodyTruncated());
    }
  }

  @Test
  void retriesOnlyConnectionFailures() throws IOException {
    int[] accepted = {0};
    try (ServerSocket s = new ServerSocket(0)) {
      Thread t =
          new Thread(
              () -> {
                while (true) {
                  try (Socket c = s.accept()) {
                    accepted[0]++;
                    c.setSoLinger(true, 0); // reset before any byte: a connection failure
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      t.setDaemon(true);
      t.start();
      try (Prober prober = new Prober(OPTIONS.withConnectRetries(2))) {
        Exchange e =
            prober
                .send(
                    new PlannedRequest(
                        "OPTIONS", "http://127.0.0.1:" + s.getLocalPort() + "/", List.of(), null))
                .join();
        assertNotNull(e.error());
      }
      assertTrue(accepted[0] >= 1, "attempts " + accepted[0]);
    }
  }
}
