package dev.corsaudit.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.corsaudit.model.Exchange;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On https:// the client offers ALPN h2 and http/1.1, as every browser does, so a server that
 * speaks HTTP/2 is audited over HTTP/2 (its answer's headers as a browser gets them) and one that
 * does not is audited over HTTP/1.1.
 */
class ProberAlpnTest {

  @TempDir Path dir;

  private Exchange preflight(List<Protocol> serverProtocols, MockWebServer server)
      throws Exception {
    server.useHttps(ProberTlsTest.selfSignedServerContext(dir).getSocketFactory());
    server.setProtocols(serverProtocols);
    server.enqueue(
        new MockResponse.Builder().code(204).addHeader("Access-Control-Allow-Origin", "*").build());
    server.start(InetAddress.getLoopbackAddress(), 0);
    ProbeOptions options =
        ProbeOptions.defaults()
            .withTimeout(Duration.ofSeconds(5))
            .withConnectRetries(0)
            .withInsecure(true);
    return OnePreflight.send(options, "https://127.0.0.1:" + server.getPort() + "/v1");
  }

  @Test
  void anHttp2ServerIsAuditedOverHttp2() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      Exchange exchange = preflight(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1), server);
      assertNull(exchange.error(), () -> exchange.error().message());
      assertEquals("HTTP/2", exchange.response().httpVersion());
      assertEquals("*", exchange.response().header("access-control-allow-origin"));
    }
  }

  @Test
  void anHttp11OnlyServerIsAuditedOverHttp11() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      Exchange exchange = preflight(List.of(Protocol.HTTP_1_1), server);
      assertNull(exchange.error(), () -> exchange.error().message());
      assertEquals("HTTP/1.1", exchange.response().httpVersion());
    }
  }
}
