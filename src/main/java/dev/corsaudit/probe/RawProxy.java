package dev.corsaudit.probe;

import dev.corsaudit.model.HeaderLine;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The proxy the JDK client would use for a URL, for the raw recorder: the same selector (the
 * *_proxy variables, no_proxy, loopback direct) and the same user:password, sent as Basic. For
 * https it opens a CONNECT tunnel; for http the request goes to the proxy in absolute form.
 */
final class RawProxy {

  private final InetSocketAddress address;
  private final HeaderLine authorization;

  private RawProxy(InetSocketAddress address, HeaderLine authorization) {
    this.address = address;
    this.authorization = authorization;
  }

  /** The proxy for {@code uri}, or null when the JDK client would go direct. */
  static RawProxy of(NetworkRoute route, URI uri) {
    if (route.selector() == null) {
      return null;
    }
    for (Proxy proxy : route.selector().select(uri)) {
      if (proxy.type() == Proxy.Type.HTTP && proxy.address() instanceof InetSocketAddress a) {
        return new RawProxy(a, authorization(route));
      }
    }
    return null;
  }

  /** Where to connect: the proxy, resolved now (the selector leaves it unresolved). */
  InetSocketAddress address() {
    return new InetSocketAddress(address.getHostString(), address.getPort());
  }

  /** Proxy-Authorization for the proxy's user:password (sent up front, as curl does), or null. */
  HeaderLine authorization() {
    return authorization;
  }

  /** Asks the proxy for a tunnel to host:port; throws unless it answers 2xx. */
  void tunnel(java.net.Socket socket, String host, int port) throws IOException {
    String authority = host + ":" + port;
    StringBuilder head = new StringBuilder("CONNECT " + authority + " HTTP/1.1\r\n");
    head.append("Host: ").append(authority).append("\r\n");
    if (authorization != null) {
      head.append(authorization.name()).append(": ").append(authorization.value()).append("\r\n");
    }
    OutputStream out = socket.getOutputStream();
    out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    // Unbuffered: no byte of the TLS handshake that follows may be read here.
    RawHead answer = RawHead.read(socket.getInputStream());
    if (answer.status() / 100 != 2) {
      throw new java.net.ProtocolException(
          "the proxy answered CONNECT with " + answer.status() + " (no tunnel)");
    }
  }

  /** As Prober's authenticator: the https proxy's user:password, else the http proxy's. */
  private static HeaderLine authorization(NetworkRoute route) {
    String info = route.proxyUserInfo("https");
    if (info == null) {
      info = route.proxyUserInfo("http");
    }
    if (info == null || !info.contains(":")) {
      return null;
    }
    String user = URLDecoder.decode(info.substring(0, info.indexOf(':')), StandardCharsets.UTF_8);
    String password =
        URLDecoder.decode(info.substring(info.indexOf(':') + 1), StandardCharsets.UTF_8);
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new HeaderLine("Proxy-Authorization", "Basic " + token);
  }
}
