package dev.corsaudit.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.NetworkErrorKind;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS is set up at the first https handshake (not when the prober is built), and then behaves as
 * before: the system trust store rejects a self-signed certificate, --insecure accepts it.
 */
@Timeout(60)
class ProberTlsTest {

  private static final char[] PASSWORD = "changeit".toCharArray();
  private static final ProbeOptions OPTIONS =
      ProbeOptions.defaults().withTimeout(Duration.ofSeconds(5)).withConnectRetries(0);

  @TempDir static Path dir;
  private static HttpsServer server;
  private static Certificate certificate;

  /**
   * A server context with a fresh self-signed certificate for 127.0.0.1 and localhost, which is
   * also written to {@code dir/server.pem}.
   */
  static SSLContext selfSignedServerContext(Path dir) throws Exception {
    return selfSignedServerContext(dir, "ip:127.0.0.1,dns:localhost");
  }

  /** The same, for the subject alternative names {@code san} (keytool's SAN= syntax). */
  static SSLContext selfSignedServerContext(Path dir, String san) throws Exception {
    Path keystore = TestCertificates.keyStore(san, null, 2);
    // The certificate as PEM too (dir/server.pem), for --cacert.
    Files.copy(
        TestCertificates.pem(keystore),
        dir.resolve("server.pem"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD);
    }
    certificate = store.getCertificate("server");
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  @BeforeAll
  static void startHttpsServer() throws Exception {
    server = startPassingServer(selfSignedServerContext(dir));
  }

  /** A loopback https server with {@code context}'s certificate, answering 204 and ACAO "*". */
  static HttpsServer startPassingServer(SSLContext context) throws java.io.IOException {
    HttpsServer https =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    https.setHttpsConfigurator(new HttpsConfigurator(context));
    https.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    https.start();
    return https;
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static Exchange send(ProbeOptions options) {
    String url = "https://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    return OnePreflight.send(options, url);
  }

  @Test
  void theSystemTrustStoreRejectsASelfSignedCertificate() {
    Exchange exchange = send(OPTIONS);
    assertNotNull(exchange.error(), "expected a TLS error, got " + exchange.response());
    assertEquals(NetworkErrorKind.TLS, exchange.error().kind(), exchange.error().message());
  }

  @Test
  void insecureAcceptsIt() {
    Exchange exchange = send(OPTIONS.withInsecure(true));
    assertNull(exchange.error(), () -> exchange.error().message());
    assertEquals(204, exchange.response().status());
    assertEquals("HTTP/1.1", exchange.response().httpVersion());
  }

  private static Path pem(String name, Certificate cert) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(
        file,
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder().encodeToString(cert.getEncoded())
            + "\n-----END CERTIFICATE-----\n");
    return file;
  }

  @Test
  void anExtraCaCertificateIsTrusted() throws Exception {
    NetworkRoute route = new NetworkRoute(Map.of(), List.of(pem("server.pem", certificate)));
    Exchange exchange = send(OPTIONS.withRoute(route));
    assertNull(exchange.error(), () -> exchange.error().message());
    assertEquals(204, exchange.response().status());
  }

  @Test
  void anUnrelatedExtraCaLeavesItUntrusted() throws Exception {
    KeyStore jdk = KeyStore.getInstance(KeyStore.getDefaultType());
    try (InputStream in =
        Files.newInputStream(
            Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"))) {
      jdk.load(in, null);
    }
    Certificate other = jdk.getCertificate(jdk.aliases().nextElement());
    NetworkRoute route = new NetworkRoute(Map.of(), List.of(pem("other.pem", other)));
    Exchange exchange = send(OPTIONS.withRoute(route));
    assertNotNull(exchange.error(), "expected a TLS error, got " + exchange.response());
    assertEquals(NetworkErrorKind.TLS, exchange.error().kind(), exchange.error().message());
    assertEquals(
        "the certificate of 127.0.0.1:"
            + server.getAddress().getPort()
            + " is issued by an unknown authority",
        exchange.error().message());
  }
}
