package dev.corsaudit.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.NetworkErrorKind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The raw re-send over https: the prober's TLS settings (--insecure, --cacert) hold for it as for
 * the JDK client, and it offers only ALPN http/1.1. Loopback only.
 */
@Timeout(60)
class RawHttp1TlsTest {

  private static final String ANSWER =
      "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin : *\r\nConnection: close\r\n\r\n";
  private static final ProbeOptions OPTIONS =
      ProbeOptions.defaults().withTimeout(Duration.ofSeconds(5)).withConnectRetries(0);

  @TempDir static Path dir;
  private static SSLServerSocket server;
  private static final List<String> protocols = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    SSLContext context = ProberTlsTest.selfSignedServerContext(dir);
    server =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 16, InetAddress.getLoopbackAddress());
    SSLParameters parameters = server.getSSLParameters();
    parameters.setApplicationProtocols(new String[] {"http/1.1"});
    server.setSSLParameters(parameters);
    Thread thread =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try (SSLSocket client = (SSLSocket) server.accept()) {
                  RawHttp1RecorderTest.head(client.getInputStream());
                  protocols.add(client.getApplicationProtocol());
                  OutputStream out = client.getOutputStream();
                  out.write(ANSWER.getBytes(StandardCharsets.ISO_8859_1));
                  out.flush();
                } catch (IOException e) {
                  // a failed handshake (the untrusted case) or the end of the test
                }
              }
            });
    thread.setDaemon(true);
    thread.start();
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  private static String url() {
    return "https://127.0.0.1:" + server.getLocalPort() + "/v1";
  }

  @Test
  void insecureReSendsOverTlsWithAlpnHttp11() {
    protocols.clear();
    Exchange exchange =
        RawHttp1RecorderTest.send(url(), "OPTIONS", null, OPTIONS.withInsecure(true));

    assertNull(exchange.error());
    assertTrue(exchange.response().rawHeaderBlock());
    assertEquals(
        List.of("Access-Control-Allow-Origin : *\r\n", "Connection: close\r\n"),
        exchange.response().rawHeaderLines());
    assertEquals(2, protocols.size(), "the JDK's attempt, then the raw re-send");
    assertEquals("http/1.1", protocols.get(1), "the raw re-send offers ALPN http/1.1");
  }

  @Test
  void anExtraCaCertificateIsTrustedByTheRawReSendToo() {
    NetworkRoute route = new NetworkRoute(Map.of(), List.of(dir.resolve("server.pem")));
    Exchange exchange = RawHttp1RecorderTest.send(url(), "OPTIONS", null, OPTIONS.withRoute(route));

    assertNull(exchange.error());
    assertTrue(exchange.response().rawHeaderBlock());
  }

  @Test
  void withoutEitherTheCertificateIsRefusedBeforeAnyHeader() {
    Exchange exchange = RawHttp1RecorderTest.send(url(), "OPTIONS", null, OPTIONS);

    assertEquals(NetworkErrorKind.TLS, exchange.error().kind());
  }
}
