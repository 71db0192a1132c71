package dev.corsaudit.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which proxy a URL takes, read from the environment as curl reads it; no network involved. */
class NetworkRouteTest {

  private static NetworkRoute route(String... pairs) {
    Map<String, String> env = new java.util.HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return new NetworkRoute(env, List.of());
  }

  @Test
  void aBlankLowerCaseNameFallsBackToTheUpperCaseOne() {
    NetworkRoute route = route("http_proxy", "  ", "HTTP_PROXY", " http://upper:2 ");
    assertEquals("http://upper:2", route.proxyFor("HTTP"));
    assertNull(route.proxyFor("https"));
    assertNull(route("HTTPS_PROXY", " ").proxyFor("https"), "blank is unset");
    assertEquals("http://all:3", route("all_proxy", "http://all:3").proxyFor("https"));
  }

  @Test
  void loopbackNamesAlwaysGoDirect() {
    NetworkRoute route = route();
    assertTrue(route.bypasses("LocalHost"));
    assertTrue(route.bypasses("app.localhost"));
    assertTrue(route.bypasses("127.0.0.9"));
    assertTrue(route.bypasses("::1"));
    assertTrue(route.bypasses("[::1]"));
    assertFalse(route.bypasses("[::2]"));
    assertFalse(route.bypasses("notlocalhost"));
    assertFalse(route.bypasses("api.example.com"), "no NO_PROXY: everything else is proxied");
  }

  @Test
  void noProxyEntries() {
    NetworkRoute route = route("NO_PROXY", " , .Corp.Example ,internal.example:8443");
    assertTrue(route.bypasses("corp.example"), "a leading dot also matches the domain itself");
    assertTrue(route.bypasses("a.b.corp.example"));
    assertTrue(route.bypasses("internal.example"), "host:port matches the host");
    assertFalse(route.bypasses("badcorp.example"), "suffixes match at a dot");
    assertFalse(route.bypasses("other.example"));
    assertFalse(route.bypasses("fqdn.example."), "an empty entry matches nothing");
    assertTrue(route("no_proxy", "a.example, *").bypasses("anything.example"));
    assertTrue(
        route("no_proxy", "fe80::1").bypasses("[fe80::1]"), "an IPv6 entry keeps its colons");
  }

  @Test
  void theLowerCaseNoProxyWins() {
    NetworkRoute route = route("no_proxy", "a.example", "NO_PROXY", "b.example");
    assertTrue(route.bypasses("a.example"));
    assertFalse(route.bypasses("b.example"));
  }

  @Test
  void noSelectorWithoutAnHttpOrHttpsProxy() {
    assertNull(route("NO_PROXY", "*").selector());
    assertNotNull(route("HTTPS_PROXY", "http://p:1").selector());
    assertNotNull(route("HTTP_PROXY", "http://p:1").selector());
  }

  private static Proxy only(NetworkRoute route, String url) {
    List<Proxy> proxies = route.selector().select(URI.create(url));
    assertEquals(1, proxies.size(), proxies.toString());
    return proxies.get(0);
  }

  private static String address(Proxy proxy) {
    InetSocketAddress address = (InetSocketAddress) proxy.address();
    return address.getHostString() + ":" + address.getPort();
  }

  @Test
  void theSelectorPicksTheSchemesProxy() {
    NetworkRoute route =
        route(
            "http_proxy", "plain.example:3128",
            "https_proxy", "https://secure.example",
            "no_proxy", "direct.example");
    Proxy http = only(route, "http://api.example/v1");
    assertEquals(Proxy.Type.HTTP, http.type());
    assertEquals("plain.example:3128", address(http));
    assertEquals("secure.example:443", address(only(route, "https://api.example/v1")));
    assertEquals(Proxy.NO_PROXY, only(route, "https://direct.example/v1"));
    assertEquals(Proxy.NO_PROXY, only(route, "https://127.0.0.1:8080/v1"));
    assertEquals(Proxy.NO_PROXY, only(route, "file:///tmp/x"), "no host, no proxy");
    assertEquals(
        "p.example:1080", address(only(route("HTTP_PROXY", "http://p.example"), "http://a/")));
    assertEquals(Proxy.NO_PROXY, only(route("HTTP_PROXY", "http://p.example"), "https://a/"));
  }

  @Test
  void userInfoOfTheProxyUrl() {
    assertEquals("u:p%40ss", route("HTTPS_PROXY", "http://u:p%40ss@p:1").proxyUserInfo("https"));
    assertEquals("u:p", route("HTTP_PROXY", "u:p@p:1").proxyUserInfo("http"));
    assertNull(route("HTTP_PROXY", "http://p:1").proxyUserInfo("http"));
    assertNull(route("HTTP_PROXY", "http://u:p@p:1").proxyUserInfo("https"));
  }

  @Test
  void noExtraCertificatesNoContext() {
    assertNull(NetworkRoute.DIRECT.sslContext());
  }

  @Test
  void aFileThatIsNoCertificateIsRefused(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new NetworkRoute(Map.of(), List.of(file)).sslContext());
    assertTrue(e.getMessage().startsWith("cannot read the CA certificates: "), e.getMessage());
  }
}
