package dev.corsaudit.probe;

import java.net.Socket;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS context of --insecure, shared by the JDK client and the raw recorder.
 *
 * <p>Its trust manager is an {@link X509ExtendedTrustManager}: JSSE leaves the host-name check to
 * such a manager (a plain {@code X509TrustManager} is wrapped in one that checks the name after the
 * chain), so accepting here accepts any host name too, for this context only. The JDK client's
 * JVM-wide switch for that ({@code jdk.internal.httpclient.disableHostnameVerification}) is read
 * once, at its first TLS connection: setting it made every later prober of the JVM skip host names,
 * or left --insecure checking them when a TLS connection came first.
 */
final class TrustAll {

  private TrustAll() {}

  /** --insecure: accept any certificate and any host name (opt-in, for test servers). */
  static SSLContext context() {
    TrustManager[] trustAll = {new AcceptAll()};
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trustAll, new SecureRandom());
      return context;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up --insecure TLS", e);
    }
  }

  private static final class AcceptAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
