package dev.corsaudit.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.net.httpserver.HttpsServer;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.NetworkErrorKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A certificate for another host name: --insecure accepts it, a trusting --cacert does not (the
 * name is still checked), and each prober decides for itself whatever probers came before it in the
 * same JVM. (--insecure once set a JVM-wide switch of the JDK client, read when its first TLS
 * connection was made: after it, either every later prober skipped host names or --insecure checked
 * them.)
 */
class ProberHostNameTest {

  private static final ProbeOptions OPTIONS =
      ProbeOptions.defaults().withTimeout(Duration.ofSeconds(5)).withConnectRetries(0);

  @TempDir static Path dir;
  private static HttpsServer server;

  @BeforeAll
  static void startServerForAnotherName() throws Exception {
    server =
        ProberTlsTest.startPassingServer(
            ProberTlsTest.selfSignedServerContext(dir, "dns:other.example"));
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static Exchange send(ProbeOptions options) {
    String url = "https://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    return OnePreflight.send(options, url);
  }

  private static ProbeOptions trustingTheCertificate() {
    return OPTIONS.withRoute(new NetworkRoute(Map.of(), List.of(dir.resolve("server.pem"))));
  }

  private static void assertHostNameRefused(Exchange exchange) {
    assertNotNull(exchange.error(), () -> "expected a TLS error, got " + exchange.response());
    assertEquals(NetworkErrorKind.TLS, exchange.error().kind(), exchange.error().message());
  }

  @Test
  void insecureThenVerifyingThenInsecureAgain() {
    Exchange insecure = send(OPTIONS.withInsecure(true));
    assertNull(insecure.error(), () -> insecure.error().message());
    assertEquals(204, insecure.response().status());

    assertHostNameRefused(send(trustingTheCertificate()));

    Exchange again = send(OPTIONS.withInsecure(true));
    assertNull(again.error(), () -> again.error().message());
  }

  @Test
  void verifyingThenInsecure() {
    assertHostNameRefused(send(trustingTheCertificate()));
    Exchange insecure = send(OPTIONS.withInsecure(true));
    assertNull(insecure.error(), () -> insecure.error().message());
  }
}
