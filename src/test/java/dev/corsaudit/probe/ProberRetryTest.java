package dev.corsaudit.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.NetworkErrorKind;
import dev.corsaudit.model.PlannedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** --retries: a connection failure is tried again, exactly as many times as asked, with backoff. */
@Timeout(20)
class ProberRetryTest {

  /**
   * Reads each request, then resets the connection before sending a byte: a connection failure. The
   * count is taken before the reset, so it is complete once the client has seen the failure.
   */
  private static final class ResettingServer implements AutoCloseable {
    final ServerSocket socket;
    final AtomicInteger accepted = new AtomicInteger();

    ResettingServer() throws IOException {
      socket = new ServerSocket();
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      Thread thread =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try (Socket client = socket.accept()) {
                    readHead(client.getInputStream());
                    accepted.incrementAndGet();
                    client.setSoLinger(true, 0);
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      thread.setDaemon(true);
      thread.start();
    }

    private static void readHead(java.io.InputStream in) throws IOException {
      int state = 0;
      int c;
      while ((c = in.read()) != -1) {
        state = (c == '\r' || c == '\n') ? state + 1 : 0;
        if (state == 4) {
          return;
        }
      }
    }

    String url() {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/";
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  /**
   * POST: the JDK client itself tries an idempotent request (OPTIONS) once more on a reset, which
   * would double every count; it never does that for POST.
   */
  private static Exchange send(ProbeOptions options, String url) {
    return send(options, "POST", url);
  }

  private static Exchange send(ProbeOptions options, String method, String url) {
    try (Prober prober = new Prober(options)) {
      return prober.send(new PlannedRequest(method, url, List.of(), null)).join();
    }
  }

  private static ProbeOptions retries(int n) {
    return ProbeOptions.defaults().withTimeout(Duration.ofSeconds(2)).withConnectRetries(n);
  }

  @Test
  void defaultIsOneRetry() {
    assertEquals(1, ProbeOptions.defaults().connectRetries());
  }

  @Test
  void resetBeforeAnyByteIsAConnectionFailure() throws IOException {
    try (ResettingServer server = new ResettingServer()) {
      Exchange exchange = send(retries(0), server.url());
      assertNotNull(exchange.error());
      assertEquals(NetworkErrorKind.CONNECT, exchange.error().kind(), exchange.error().message());
      assertEquals(1, server.accepted.get());
    }
  }

  @Test
  void connectionFailureIsTriedAgainExactlyRetriesTimes() throws IOException {
    try (ResettingServer server = new ResettingServer()) {
      long start = System.nanoTime();
      Exchange exchange = send(retries(2), server.url());
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertEquals(NetworkErrorKind.CONNECT, exchange.error().kind());
      assertEquals(3, server.accepted.get(), "one attempt and two retries");
      // Backoff of 100 ms, then 200 ms, between attempts.
      assertTrue(ms >= 300, "backed off between attempts, took " + ms + " ms");
    }
  }

  @Test
  void oneRetryMeansTwoAttempts() throws IOException {
    try (ResettingServer server = new ResettingServer()) {
      send(retries(1), server.url());
      assertEquals(2, server.accepted.get());
    }
  }

  @Test
  void preflightsAreRetriedTheSameNumberOfTimes() throws IOException {
    int once;
    try (ResettingServer server = new ResettingServer()) {
      send(retries(0), "OPTIONS", server.url());
      once = server.accepted.get();
    }
    try (ResettingServer server = new ResettingServer()) {
      send(retries(2), "OPTIONS", server.url());
      assertEquals(3 * once, server.accepted.get());
    }
  }

  @Test
  void refusedConnectionIsRetriedToo() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    long start = System.nanoTime();
    Exchange exchange = send(retries(1), "http://127.0.0.1:" + port + "/");
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertEquals(NetworkErrorKind.CONNECT, exchange.error().kind());
    assertTrue(ms >= 100, "waited for the retry, took " + ms + " ms");
  }
}
