package dev.corsaudit.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

/** The lazy context builds the real one once, at first use, and then answers as it does. */
class LazyTlsTest {

  private final AtomicInteger built = new AtomicInteger();
  private SSLContext real;

  private LazyTls lazy() {
    return new LazyTls(
        () -> {
          built.incrementAndGet();
          real = SSLContext.getInstance("TLS");
          real.init(null, null, null);
          return real;
        });
  }

  @Test
  void theRealContextIsBuiltOnceAtFirstUse() {
    LazyTls tls = lazy();
    assertEquals(0, built.get(), "not when constructed");
    assertNotNull(tls.getSocketFactory());
    assertEquals(1, built.get());
    assertNotNull(tls.getServerSocketFactory());
    assertNotNull(tls.createSSLEngine());
    assertEquals(1, built.get(), "built once");
  }

  @Test
  void everyCallIsTheRealContexts() {
    LazyTls tls = lazy();
    SSLEngine engine = tls.createSSLEngine("api.example", 8443);
    assertEquals("api.example", engine.getPeerHost());
    assertEquals(8443, engine.getPeerPort());
    assertSame(real.getClientSessionContext(), tls.getClientSessionContext());
    assertSame(real.getServerSessionContext(), tls.getServerSessionContext());
    assertArrayEquals(
        real.getDefaultSSLParameters().getProtocols(),
        tls.getDefaultSSLParameters().getProtocols());
    assertArrayEquals(
        real.getSupportedSSLParameters().getCipherSuites(),
        tls.getSupportedSSLParameters().getCipherSuites());
    assertEquals(real.getSocketFactory().getClass(), tls.getSocketFactory().getClass());
    assertEquals(real.getServerSocketFactory().getClass(), tls.getServerSocketFactory().getClass());
    assertEquals(real.createSSLEngine().getClass(), tls.createSSLEngine().getClass());
    assertEquals(1, built.get());
  }

  @Test
  void aFailureToBuildItSaysTls() {
    LazyTls tls =
        new LazyTls(
            () -> {
              throw new NoSuchAlgorithmException("no TLS here");
            });
    IllegalStateException e = assertThrows(IllegalStateException.class, tls::createSSLEngine);
    assertEquals("cannot set up TLS: no TLS here", e.getMessage());
  }

  @Test
  void itCannotBeInitialisedByHand() {
    KeyManagementException e =
        assertThrows(KeyManagementException.class, () -> lazy().init(null, null, null));
    assertEquals("this context is set up on first use", e.getMessage());
    assertEquals(0, built.get());
  }
}
