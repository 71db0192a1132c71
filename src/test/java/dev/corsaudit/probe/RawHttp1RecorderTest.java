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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * When the JDK client refuses a header block, the prober re-sends once through the raw recorder and
 * keeps every header line byte for byte. Loopback only.
 */
@Timeout(60)
class RawHttp1RecorderTest {

  private static final ProbeOptions OPTIONS =
      ProbeOptions.defaults().withTimeout(Duration.ofSeconds(5)).withConnectRetries(0);

  /** Answers connection n (from 0) with {@code answer.apply(n)}, recording each request head. */
  static final class Server implements AutoCloseable {
    final ServerSocket socket;
    final List<String> requests = new CopyOnWriteArrayList<>();

    Server(IntFunction<String> answer) throws IOException {
      socket = new ServerSocket();
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      Thread thread =
          new Thread(
              () -> {
                for (int n = 0; !socket.isClosed(); n++) {
                  try (Socket client = socket.accept()) {
                    requests.add(head(client.getInputStream()));
                    client
                        .getOutputStream()
                        .write(answer.apply(n).getBytes(StandardCharsets.ISO_8859_1));
                    client.getOutputStream().flush();
                  } catch (IOException e) {
                    // the test ended
                  }
                }
              });
      thread.setDaemon(true);
      thread.start();
    }

    String url() {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/v1/models?x=1";
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  static String head(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int state = 0;
    int c;
    while (state < 4 && (c = in.read()) != -1) {
      out.write(c);
      state = (c == '\r' || c == '\n') ? state + 1 : 0;
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  static Exchange send(String url, String method, byte[] body, ProbeOptions options) {
    try (Prober prober = new Prober(options)) {
      return prober
          .send(
              new PlannedRequest(
                  method, url, List.of(new HeaderLine("Origin", "https://a.example")), body))
          .join();
    }
  }

  @Test
  void aSpaceBeforeTheColonIsReSentRawAndKeptVerbatim() throws Exception {
    String answer =
        "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin : *\r\n"
            + "X-Ctl: a\u0001b\r\nX-Lf: 1\nConnection: close\r\n\r\n";
    try (Server server = new Server(n -> answer)) {
      Exchange exchange = send(server.url(), "OPTIONS", null, OPTIONS);

      assertNull(exchange.error());
      assertTrue(exchange.response().rawHeaderBlock());
      assertEquals(204, exchange.response().status());
      assertEquals(
          List.of(
              "Access-Control-Allow-Origin : *\r\n",
              "X-Ctl: a\u0001b\r\n",
              "X-Lf: 1\n",
              "Connection: close\r\n"),
          exchange.response().rawHeaderLines());
      assertEquals("*", exchange.response().header("Access-Control-Allow-Origin"));
      assertEquals(2, server.requests.size(), "the JDK's attempt, then one raw re-send");
      String raw = server.requests.get(1);
      assertTrue(raw.startsWith("OPTIONS /v1/models?x=1 HTTP/1.1\r\nHost: 127.0.0.1:"), raw);
      assertTrue(raw.contains("\r\nOrigin: https://a.example\r\nConnection: close\r\n\r\n"), raw);
      assertEquals("HTTP/1.1", exchange.request().httpVersion());
    }
  }

  @Test
  void earlyHintsBeforeTheAnswerAreSkipped() throws Exception {
    String answer =
        "HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
            + "HTTP/1.0 200 OK\r\nX-Bad : 1\r\nAccess-Control-Allow-Origin: *\r\n\r\nok";
    try (Server server = new Server(n -> answer)) {
      Exchange exchange = send(server.url(), "GET", null, OPTIONS);

      assertEquals(200, exchange.response().status());
      assertEquals("HTTP/1.0", exchange.response().httpVersion());
      assertEquals("ok", exchange.response().bodyHead());
      assertEquals(
          List.of("X-Bad : 1\r\n", "Access-Control-Allow-Origin: *\r\n"),
          exchange.response().rawHeaderLines());
    }
  }

  @Test
  void aWellFormedResponseIsNotReSent() throws Exception {
    String answer = "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: *\r\n\r\n";
    try (Server server = new Server(n -> answer)) {
      Exchange exchange = send(server.url(), "OPTIONS", null, OPTIONS);

      assertFalse(exchange.response().rawHeaderBlock());
      assertEquals(1, server.requests.size());
    }
  }

  @Test
  void theBodyIsBoundedByTheBodyHeadLimit() throws Exception {
    String big = "x".repeat(10_000);
    String answer =
        "HTTP/1.1 200 OK\r\nX-Bad : 1\r\nContent-Length: " + big.length() + "\r\n\r\n" + big;
    try (Server server = new Server(n -> answer)) {
      Exchange exchange =
          send(server.url(), "POST", "{}".getBytes(), OPTIONS.withBodyHeadBytes(100));

      assertEquals("x".repeat(100), exchange.response().bodyHead());
      assertTrue(exchange.response().bodyTruncated());
      assertTrue(server.requests.get(1).contains("Content-Length: 2\r\n"));
    }
  }

  @Test
  void aChunkedBodyIsDecoded() throws Exception {
    String answer =
        "HTTP/1.1 404 Not Found\r\nX-Bad\t: 1\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\n\r\n";
    try (Server server = new Server(n -> answer)) {
      Exchange exchange = send(server.url(), "GET", null, OPTIONS);

      assertEquals(404, exchange.response().status());
      assertEquals("abcde", exchange.response().bodyHead());
      assertFalse(exchange.response().bodyTruncated());
    }
  }

  @Test
  void theJdkErrorStandsWhenTheRawAttemptFailsToo() throws Exception {
    String refused = "HTTP/1.1 204 No Content\r\nX(Bad): 1\r\n\r\n";
    try (Server server = new Server(n -> n == 0 ? refused : "garbage\r\n\r\n")) {
      Exchange exchange = send(server.url(), "OPTIONS", null, OPTIONS);

      assertNotNull(exchange.error());
      assertEquals(NetworkErrorKind.PROTOCOL, exchange.error().kind());
      assertTrue(
          exchange.error().message().contains("Invalid header name"), exchange.error().message());
      assertEquals(2, server.requests.size());
    }
  }

  @Test
  void anEndlessHeadStopsAtTheCap() throws Exception {
    String endless =
        "HTTP/1.1 200 OK\r\nX-Bad : 1\r\n" + "X-Fill: y\r\n".repeat(RawHead.MAX_HEAD_BYTES / 10);
    try (Server server = new Server(n -> endless)) {
      Exchange exchange = send(server.url(), "GET", null, OPTIONS);

      assertNotNull(exchange.error(), "no head within the cap: the JDK's error stands");
    }
  }
}
