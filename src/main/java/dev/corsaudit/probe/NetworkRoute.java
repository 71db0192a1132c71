package dev.corsaudit.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * How requests reach the network: the proxies of the environment, as curl reads them
 * (http_proxy/HTTP_PROXY for http URLs, https_proxy/HTTPS_PROXY for https, all_proxy/ALL_PROXY for
 * both, no_proxy/NO_PROXY for exceptions; the lower-case name first), and extra CA certificates
 * trusted besides the JDK's (a corporate proxy that intercepts TLS). Loopback hosts are never
 * proxied: the replicas and local servers live there.
 *
 * @param env the environment variables to read
 * @param caCerts PEM files of extra CA certificates
 */
public record NetworkRoute(Map<String, String> env, List<Path> caCerts) {

  public static final NetworkRoute DIRECT = new NetworkRoute(Map.of(), List.of());

  public NetworkRoute {
    env = Map.copyOf(env);
    caCerts = List.copyOf(caCerts);
  }

  /** The proxy URL for a scheme, or null (curl's precedence). */
  String proxyFor(String scheme) {
    String s = scheme.toLowerCase(Locale.ROOT);
    String value = first(s + "_proxy", s.toUpperCase(Locale.ROOT) + "_PROXY");
    if (value == null) {
      value = first("all_proxy", "ALL_PROXY");
    }
    return value;
  }

  /** Whether a host goes direct: loopback, or matched by no_proxy/NO_PROXY. */
  boolean bypasses(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost")
        || h.endsWith(".localhost")
        || h.startsWith("127.")
        || h.equals("::1")) {
      return true;
    }
    String list = first("no_proxy", "NO_PROXY");
    if (list == null) {
      return false;
    }
    for (String raw : list.split(",")) {
      String entry = raw.strip().toLowerCase(Locale.ROOT);
      int colon = entry.lastIndexOf(':');
      if (colon > 0 && entry.indexOf(':') == colon) {
        entry = entry.substring(0, colon); // host:port entries match the host
      }
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.equals("*")) {
        return true;
      }
      String domain = entry.startsWith(".") ? entry.substring(1) : entry;
      if (h.equals(domain) || h.endsWith("." + domain)) {
        return true;
      }
    }
    return false;
  }

  /** A ProxySelector for the JDK client, or null when no proxy is configured. */
  ProxySelector selector() {
    if (proxyFor("http") == null && proxyFor("https") == null) {
      return null;
    }
    return new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        String proxy =
            uri.getHost() == null || bypasses(uri.getHost()) ? null : proxyFor(uri.getScheme());
        if (proxy == null) {
          return List.of(Proxy.NO_PROXY);
        }
        URI p = URI.create(proxy.contains("://") ? proxy : "http://" + proxy);
        int port = p.getPort() >= 0 ? p.getPort() : "https".equals(p.getScheme()) ? 443 : 1080;
        return List.of(
            new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.getHost(), port)));
      }

      @Override
      public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
    };
  }

  /** user:password of a proxy URL, or null. */
  String proxyUserInfo(String scheme) {
    String proxy = proxyFor(scheme);
    if (proxy == null) {
      return null;
    }
    URI p = URI.create(proxy.contains("://") ? proxy : "http://" + proxy);
    return p.getRawUserInfo();
  }

  /**
   * The JDK's trust anchors plus {@link #caCerts}; null when there are none to add.
   *
   * @throws IllegalArgumentException when a file is not PEM certificates
   */
  public SSLContext sslContext() {
    if (caCerts.isEmpty()) {
      return null;
    }
    try {
      KeyStore extra = KeyStore.getInstance(KeyStore.getDefaultType());
      extra.load(null, null);
      int n = 0;
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (Path file : caCerts) {
        try (InputStream in = Files.newInputStream(file)) {
          for (Certificate cert : factory.generateCertificates(in)) {
            extra.setCertificateEntry("extra-" + n++, cert);
          }
        }
      }
      X509TrustManager jdk = trustManager(null);
      X509TrustManager added = trustManager(extra);
      TrustManager both =
          new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType)
                throws CertificateException {
              jdk.checkClientTrusted(chain, authType);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType)
                throws CertificateException {
              try {
                added.checkServerTrusted(chain, authType);
              } catch (CertificateException e) {
                if (isTrustFailure(e)) {
                  jdk.checkServerTrusted(chain, authType);
                } else {
                  throw e; // trusted, but expired or otherwise invalid: say that
                }
              }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
              List<X509Certificate> all = new ArrayList<>(List.of(jdk.getAcceptedIssuers()));
              all.addAll(List.of(added.getAcceptedIssuers()));
              return all.toArray(X509Certificate[]::new);
            }
          };
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {both}, null);
      return context;
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read the CA certificates: " + e.getMessage(), e);
    }
  }

  private static boolean isTrustFailure(CertificateException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("unable to find valid certification path")
          || m.contains("PKIX path building failed")) {
        return true;
      }
    }
    return false;
  }

  private static X509TrustManager trustManager(KeyStore store)
      throws java.security.GeneralSecurityException {
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    for (TrustManager tm : tmf.getTrustManagers()) {
      if (tm instanceof X509TrustManager x) {
        return x;
      }
    }
    throw new java.security.KeyStoreException("no X509TrustManager");
  }

  private String first(String lower, String upper) {
    String v = env.get(lower);
    if (v == null || v.isBlank()) {
      v = env.get(upper);
    }
    return v == null || v.isBlank() ? null : v.strip();
  }
}
