package dev.corsaudit.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.NetworkErrorKind;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** TLS failures read in the user's terms: unknown authority, expired on DATE, not TLS at all. */
@Timeout(60)
class TlsErrorsTest {

  @TempDir Path dir;
  private Path lastStore;

  /** The last server's certificate as a PEM file (what --cacert takes). */
  private Path exportPem() {
    return TestCertificates.pem(lastStore);
  }

  private static Exchange sendTrusting(String url, Path pem) {
    ProbeOptions options =
        ProbeOptions.defaults()
            .withTimeout(Duration.ofSeconds(5))
            .withConnectRetries(0)
            .withRoute(new NetworkRoute(java.util.Map.of(), List.of(pem)));
    return OnePreflight.send(options, url);
  }

  @Test
  void anAddedCaIsTrusted() throws Exception {
    try (ServerSocket server = tlsServer("-1d", 30)) {
      Exchange exchange =
          sendTrusting("https://127.0.0.1:" + server.getLocalPort() + "/v1", exportPem());
      // Trusted now: the handshake passes and the (silent) server closes the connection.
      assertTrue(
          exchange.error() == null || exchange.error().kind() != NetworkErrorKind.TLS,
          String.valueOf(exchange.error()));
    }
  }

  private static Exchange send(String url) {
    ProbeOptions options =
        ProbeOptions.defaults().withTimeout(Duration.ofSeconds(5)).withConnectRetries(0);
    return OnePreflight.send(options, url);
  }

  /** A loopback TLS server with a fresh self-signed certificate, valid from startDate for days. */
  private ServerSocket tlsServer(String startDate, int days) throws Exception {
    Path store = TestCertificates.keyStore("ip:127.0.0.1,dns:localhost", startDate, days);
    lastStore = store;
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(store.toFile())) {
      keys.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "changeit".toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);
    SSLServerSocket server =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                  ((SSLSocket) s).startHandshake();
                  s.getInputStream().read();
                } catch (Exception e) {
                  // the client gave up on the handshake: that is the point
                }
              }
            });
    accept.setDaemon(true);
    accept.start();
    return server;
  }

  @Test
  void anUnknownAuthorityIsNamedSo() throws Exception {
    try (ServerSocket server = tlsServer("-1d", 30)) {
      Exchange exchange = send("https://127.0.0.1:" + server.getLocalPort() + "/v1");
      assertNotNull(exchange.error());
      assertEquals(NetworkErrorKind.TLS, exchange.error().kind());
      assertEquals(
          "the certificate of 127.0.0.1:"
              + server.getLocalPort()
              + " is issued by an unknown authority",
          exchange.error().message());
      assertTrue(exchange.error().fix().contains("CA certificate"), exchange.error().fix());
    }
  }

  @Test
  void anExpiredCertificateSaysWhen() throws Exception {
    try (ServerSocket server = tlsServer("-10d", 2)) {
      Exchange exchange = send("https://127.0.0.1:" + server.getLocalPort() + "/v1");
      assertNotNull(exchange.error());
      LocalDate expiry = LocalDate.now(ZoneOffset.UTC).minusDays(8);
      String message = exchange.error().message();
      // The trust check may run before the validity check; either reads in the user's terms.
      assertTrue(
          message.contains("expired on " + expiry)
              || message.contains("expired on " + expiry.minusDays(1))
              || message.endsWith("is issued by an unknown authority"),
          message);
    }
  }

  @Test
  void plainHttpOnTheTlsPortSaysSo() throws Exception {
    try (ServerSocket server = tlsServer("-1d", 30)) {
      Exchange exchange = send("http://127.0.0.1:" + server.getLocalPort() + "/v1");
      assertNotNull(exchange.error(), String.valueOf(exchange.response()));
      assertTrue(
          exchange.error().message().contains("try https://127.0.0.1:" + server.getLocalPort()),
          exchange.error().message());
    }
  }

  @Test
  void expiryDatesReadAsDates() {
    assertEquals(
        " on 2024-01-01", NetworkErrors.expiryDate("NotAfter: Mon Jan 01 00:00:00 UTC 2024"));
    assertEquals("", NetworkErrors.expiryDate(null));
  }
}
