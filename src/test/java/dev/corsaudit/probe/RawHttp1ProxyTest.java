package dev.corsaudit.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.model.Exchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behind a proxy the raw re-send takes the JDK client's way: absolute-form requests to an http
 * proxy, a CONNECT tunnel for https, the proxy's user:password as Basic. Loopback only: the fake
 * proxy answers for the (unresolvable) host itself.
 */
@Timeout(60)
class RawHttp1ProxyTest {

  private static final String HOST = "cors-audit-proxy-test.invalid";
  private static final String PADDED =
      "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin : *\r\nConnection: close\r\n\r\n";

  @TempDir Path dir;
  private final List<String> heads = new CopyOnWriteArrayList<>();

  /** A proxy that answers requests itself; with {@code tls}, it plays the server in the tunnel. */
  private ServerSocket proxy(SSLContext tls) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread thread =
        new Thread(
            () -> {
              while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                  String head = RawHttp1RecorderTest.head(client.getInputStream());
                  heads.add(head);
                  Socket answer = client;
                  if (head.startsWith("CONNECT ")) {
                    write(client.getOutputStream(), "HTTP/1.1 200 Connection established\r\n\r\n");
                    SSLSocket server =
                        (SSLSocket) tls.getSocketFactory().createSocket(client, null, false);
                    server.setUseClientMode(false);
                    heads.add(RawHttp1RecorderTest.head(server.getInputStream()));
                    answer = server;
                  }
                  write(answer.getOutputStream(), PADDED);
                } catch (IOException e) {
                  // the test ended
                }
              }
            });
    thread.setDaemon(true);
    thread.start();
    return socket;
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static ProbeOptions options(String variable, ServerSocket proxy) {
    String url = "http://u%40x:p@127.0.0.1:" + proxy.getLocalPort();
    return ProbeOptions.defaults()
        .withTimeout(Duration.ofSeconds(5))
        .withConnectRetries(0)
        .withRoute(new NetworkRoute(Map.of(variable, url), List.of()));
  }

  @Test
  void anHttpProxyGetsTheReSendInAbsoluteFormWithBasicCredentials() throws Exception {
    try (ServerSocket proxy = proxy(null)) {
      Exchange exchange =
          RawHttp1RecorderTest.send(
              "http://" + HOST + "/v1", "OPTIONS", null, options("http_proxy", proxy));

      assertNull(exchange.error(), String.valueOf(exchange.error()));
      assertTrue(exchange.response().rawHeaderBlock());
      assertEquals(2, heads.size(), heads.toString());
      String raw = heads.get(1);
      assertTrue(raw.startsWith("OPTIONS http://" + HOST + "/v1 HTTP/1.1\r\nHost: " + HOST), raw);
      // "u@x:p", the user name percent-decoded as the JDK client's authenticator does.
      assertTrue(raw.contains("\r\nProxy-Authorization: Basic dUB4OnA=\r\n"), raw);
    }
  }

  @Test
  void anHttpsReSendGoesThroughAConnectTunnel() throws Exception {
    SSLContext tls = ProberTlsTest.selfSignedServerContext(dir, "dns:" + HOST);
    try (ServerSocket proxy = proxy(tls)) {
      ProbeOptions options = options("https_proxy", proxy);
      // --cacert: the tunnelled handshake verifies the certificate and the host name.
      NetworkRoute route =
          new NetworkRoute(options.route().env(), List.of(dir.resolve("server.pem")));
      Exchange exchange =
          RawHttp1RecorderTest.send(
              "https://" + HOST + "/v1", "OPTIONS", null, options.withRoute(route));

      assertNull(exchange.error(), String.valueOf(exchange.error()));
      assertTrue(exchange.response().rawHeaderBlock());
      assertEquals(4, heads.size(), "CONNECT and request, twice: " + heads);
      assertTrue(heads.get(2).startsWith("CONNECT " + HOST + ":443 HTTP/1.1\r\n"), heads.get(2));
      assertTrue(heads.get(2).contains("Proxy-Authorization: Basic dUB4OnA=\r\n"), heads.get(2));
      assertTrue(heads.get(3).startsWith("OPTIONS /v1 HTTP/1.1\r\nHost: " + HOST), heads.get(3));
    }
  }
}
