package dev.corsaudit.probe;

import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An {@link SSLContext} that builds the real one on its first use, i.e. at the first https
 * handshake. The JDK client asks for {@code SSLContext.getDefault()} when it is built, which loads
 * the JSSE provider and parses the whole cacerts trust store (a third of a loopback run's start-up
 * in the profile, docs/performance.md); a plain-http run never needs either.
 *
 * <p>Used together with parameters of the prober's own ({@code Prober.tlsParameters()}), so the
 * client never asks this context for its defaults when it is built: the protocol versions are set
 * there, and what is left unset (cipher suites) means "the engine's defaults", which are the real
 * context's defaults.
 */
final class LazyTls extends SSLContext {

  /** Creates the real context; may throw. */
  interface Factory {
    SSLContext create() throws GeneralSecurityException;
  }

  LazyTls(Factory factory) {
    super(new Spi(factory), null, "TLS");
  }

  /** The system's default context, as the JDK client would use without an explicit one. */
  static LazyTls systemDefault() {
    return new LazyTls(SSLContext::getDefault);
  }

  private static final class Spi extends SSLContextSpi {

    private final Factory factory;
    private volatile SSLContext real;

    Spi(Factory factory) {
      this.factory = factory;
    }

    private SSLContext real() {
      SSLContext context = real;
      if (context == null) {
        synchronized (this) {
          context = real;
          if (context == null) {
            try {
              context = factory.create();
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
            }
            real = context;
          }
        }
      }
      return context;
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random)
        throws KeyManagementException {
      throw new KeyManagementException("this context is set up on first use");
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      return real().getSocketFactory();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      return real().getServerSocketFactory();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return real().createSSLEngine();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return real().createSSLEngine(host, port);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return real().getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return real().getClientSessionContext();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
      return real().getDefaultSSLParameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
      return real().getSupportedSSLParameters();
    }
  }
}
