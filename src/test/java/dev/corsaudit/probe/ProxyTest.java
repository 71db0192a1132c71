package dev.corsaudit.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.NetworkErrorKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The environment's proxies, as curl reads them, through a loopback proxy: http URLs go to
 * HTTP_PROXY in absolute form, https URLs through a CONNECT tunnel to HTTPS_PROXY, NO_PROXY hosts
 * go direct. The target hosts are .invalid: only the proxy could reach them.
 */
@Timeout(60)
class ProxyTest {

  private static final String HOST = "cors-audit-proxy-test.invalid";
  private final List<String> seen = new CopyOnWriteArrayList<>();

  private FaultServer proxy() throws IOException {
    return new FaultServer(
        (socket, in, out) -> {
          String head = head(in);
          seen.add(head.lines().findFirst().orElse(""));
          if (head.startsWith("CONNECT ")) {
            FaultServer.write(out, "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
          } else {
            FaultServer.write(
                out,
                "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: https://a.example\r\n\r\n");
          }
        },
        false);
  }

  private static String head(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      bytes.write(b);
      if (bytes.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        break;
      }
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }

  private static Exchange send(Map<String, String> env, String url) {
    ProbeOptions options =
        ProbeOptions.defaults()
            .withTimeout(Duration.ofSeconds(5))
            .withConnectRetries(0)
            .withRoute(new NetworkRoute(env, List.of()));
    return OnePreflight.send(options, url);
  }

  private static String proxyUrl(FaultServer server) {
    return server.url().replace("/v1/chat/completions", "");
  }

  @Test
  void httpProxyGetsAbsoluteFormRequests() throws IOException {
    try (FaultServer proxy = proxy()) {
      Exchange exchange = send(Map.of("HTTP_PROXY", proxyUrl(proxy)), "http://" + HOST + "/v1");
      assertNull(exchange.error(), String.valueOf(exchange.error()));
      assertEquals(204, exchange.response().status());
      assertEquals(List.of("OPTIONS http://" + HOST + "/v1 HTTP/1.1"), seen);
    }
  }

  @Test
  void httpsProxyGetsAConnectTunnel() throws IOException {
    try (FaultServer proxy = proxy()) {
      Exchange exchange = send(Map.of("https_proxy", proxyUrl(proxy)), "https://" + HOST + "/v1");
      assertNotNull(exchange.error(), "the proxy refused the tunnel");
      assertEquals(List.of("CONNECT " + HOST + ":443 HTTP/1.1"), seen);
    }
  }

  @Test
  void noProxyHostsGoDirect() throws IOException {
    try (FaultServer proxy = proxy()) {
      Exchange exchange =
          send(
              Map.of("HTTP_PROXY", proxyUrl(proxy), "NO_PROXY", "example.org, .invalid"),
              "http://" + HOST + "/v1");
      assertEquals(NetworkErrorKind.DNS, exchange.error().kind(), exchange.error().message());
      assertEquals(List.of(), seen);
    }
  }

  @Test
  void curlsPrecedence() {
    NetworkRoute route =
        new NetworkRoute(
            Map.of(
                "http_proxy", "http://lower:1",
                "HTTP_PROXY", "http://upper:2",
                "ALL_PROXY", "http://all:3",
                "no_proxy", "internal.example"),
            List.of());
    assertEquals("http://lower:1", route.proxyFor("http"));
    assertEquals("http://all:3", route.proxyFor("https"));
    assertTrue(route.bypasses("api.internal.example"));
    assertTrue(route.bypasses("127.0.0.1"), "loopback (the replicas) is never proxied");
    assertTrue(route.bypasses("localhost"));
    assertTrue(!route.bypasses("api.example.com"));
    assertNull(NetworkRoute.DIRECT.selector());
  }

  /** A proxy that asks for Basic credentials and then answers as {@code answer} says. */
  private FaultServer authenticatingProxy(String answer) throws IOException {
    return new FaultServer(
        (socket, in, out) -> {
          for (String head = head(in); !head.isEmpty(); head = head(in)) {
            String auth =
                head.lines()
                    .filter(
                        l ->
                            l.toLowerCase(java.util.Locale.ROOT).startsWith("proxy-authorization:"))
                    .map(l -> "Proxy-Authorization: " + l.substring(20).strip())
                    .findFirst()
                    .orElse("");
            seen.add(head.lines().findFirst().orElse("") + " " + auth);
            FaultServer.write(
                out,
                auth.isEmpty()
                    ? "HTTP/1.1 407 Proxy Authentication Required\r\n"
                        + "Proxy-Authenticate: Basic realm=\"p\"\r\nContent-Length: 0\r\n\r\n"
                    : answer);
          }
        },
        false);
  }

  @Test
  void proxyCredentialsAnswerTheProxysChallenge() throws IOException {
    try (FaultServer proxy = authenticatingProxy("HTTP/1.1 204 No Content\r\n\r\n")) {
      String url = proxyUrl(proxy).replace("http://", "http://us%40er:p%3Ass@");
      Exchange exchange = send(Map.of("HTTP_PROXY", url), "http://" + HOST + "/v1");
      assertNull(exchange.error(), String.valueOf(exchange.error()));
      assertEquals(204, exchange.response().status());
      String basic =
          java.util.Base64.getEncoder()
              .encodeToString("us@er:p:ss".getBytes(StandardCharsets.UTF_8));
      assertEquals(
          List.of(
              "OPTIONS http://" + HOST + "/v1 HTTP/1.1 ",
              "OPTIONS http://" + HOST + "/v1 HTTP/1.1 Proxy-Authorization: Basic " + basic),
          seen);
    }
  }

  @Test
  void aUserWithoutPasswordSendsNoCredentials() throws IOException {
    try (FaultServer proxy = authenticatingProxy("HTTP/1.1 204 No Content\r\n\r\n")) {
      String url = proxyUrl(proxy).replace("http://", "http://user@");
      Exchange exchange = send(Map.of("HTTP_PROXY", url), "http://" + HOST + "/v1");
      assertEquals(407, exchange.response().status());
      assertEquals(List.of("OPTIONS http://" + HOST + "/v1 HTTP/1.1 "), seen);
    }
  }

  @Test
  void proxyCredentialsAreNotSentToTheServer() throws IOException {
    String unauthorized =
        "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"s\"\r\n"
            + "Content-Length: 0\r\n\r\n";
    try (FaultServer proxy = authenticatingProxy(unauthorized)) {
      String url = proxyUrl(proxy).replace("http://", "http://u:p@");
      send(Map.of("HTTP_PROXY", url), "http://" + HOST + "/v1");
      // The server's challenge is not answered with the proxy's user and password.
      assertEquals(2, seen.size(), seen.toString());
    }
  }
}
