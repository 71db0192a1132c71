package dev.corsaudit.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.corsaudit.model.NetworkError;
import dev.corsaudit.model.NetworkErrorKind;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each failure the JDK client throws becomes one kind and one line that says what to do. */
class NetworkErrorsTest {

  private static final URI HTTP = URI.create("http://api.example:8080/v1");
  private static final URI HTTPS = URI.create("https://api.example/v1");
  private static final URI PLAIN = URI.create("http://api.example/v1");

  record Case(Throwable failure, URI uri, NetworkErrorKind kind, String message) {}

  static java.util.List<Case> cases() {
    Duration t = Duration.ofSeconds(10);
    return java.util.List.of(
        new Case(
            new UnknownHostException("api.example"),
            HTTP,
            NetworkErrorKind.DNS,
            "cannot resolve host api.example"),
        new Case(
            new IOException("x", new UnresolvedAddressException()),
            HTTP,
            NetworkErrorKind.DNS,
            "cannot resolve host api.example"),
        new Case(
            new IOException("wrapped", new IOException("deeper", new UnknownHostException())),
            HTTP,
            NetworkErrorKind.DNS,
            "cannot resolve host api.example"),
        new Case(
            new HttpConnectTimeoutException("connect timed out"),
            HTTP,
            NetworkErrorKind.TIMEOUT,
            "no complete answer from api.example:8080 within 10s"),
        new Case(
            new HttpTimeoutException("request timed out"),
            HTTPS,
            NetworkErrorKind.TIMEOUT,
            "no complete answer from api.example:443 within 10s"),
        new Case(
            new CompletionException(new TimeoutException()),
            PLAIN,
            NetworkErrorKind.TIMEOUT,
            "no complete answer from api.example:80 within 10s"),
        new Case(
            new SSLHandshakeException("PKIX path building failed\nmore"),
            HTTPS,
            NetworkErrorKind.TLS,
            "the certificate of api.example:443 is issued by an unknown authority"),
        new Case(
            new IOException("x", new IllegalStateException("y", new CertificateException("bad"))),
            HTTPS,
            NetworkErrorKind.TLS,
            "TLS handshake with api.example:443 failed (y)"),
        new Case(
            new ConnectException(),
            HTTP,
            NetworkErrorKind.CONNECT,
            "connection to api.example:8080 refused (nothing listens there)"),
        new Case(
            new NoRouteToHostException("No route to host"),
            HTTP,
            NetworkErrorKind.CONNECT,
            "connection to api.example:8080 refused (No route to host)"),
        new Case(
            new ProtocolException("  bad  "),
            HTTP,
            NetworkErrorKind.PROTOCOL,
            "api.example:8080 sent an invalid HTTP response (bad)"),
        new Case(
            new EOFException(),
            HTTP,
            NetworkErrorKind.PROTOCOL,
            "api.example:8080 sent an invalid HTTP response (the connection ended early)"),
        new Case(
            new ExecutionException(new IOException("Bad Status Line")),
            HTTP,
            NetworkErrorKind.PROTOCOL,
            "api.example:8080 sent an invalid HTTP response (Bad Status Line)"),
        new Case(
            new IOException("Connection RESET by peer"),
            HTTP,
            NetworkErrorKind.CONNECT,
            "connection to api.example:8080 was closed before a response (Connection RESET by"
                + " peer)"),
        new Case(
            new IOException("channel Closed"),
            HTTP,
            NetworkErrorKind.CONNECT,
            "connection to api.example:8080 was closed before a response (channel Closed)"),
        new Case(
            new IllegalStateException(" "),
            HTTP,
            NetworkErrorKind.PROTOCOL,
            "request to api.example:8080 failed (no details)"),
        new Case(
            new IllegalStateException("something odd"),
            HTTP,
            NetworkErrorKind.PROTOCOL,
            "request to api.example:8080 failed (something odd)"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void classifies(Case c) {
    NetworkError error = NetworkErrors.classify(c.failure(), c.uri(), Duration.ofSeconds(10));
    assertEquals(c.kind(), error.kind());
    assertEquals(c.message(), error.message());
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "header",
        "status line",
        "INVALID",
        "no bytes",
        "EOF reached",
        "unexpected",
        "too long",
        "too large"
      })
  void protocolWords(String word) {
    NetworkError error =
        NetworkErrors.classify(new IOException("x " + word + " y"), HTTP, Duration.ofSeconds(1));
    assertEquals(NetworkErrorKind.PROTOCOL, error.kind());
    assertEquals(
        "api.example:8080 sent an invalid HTTP response (x " + word + " y)", error.message());
  }

  @Test
  void timeoutBelowASecondIsInMilliseconds() {
    assertEquals(
        "no complete answer from api.example:8080 within 1500ms",
        NetworkErrors.classify(new HttpTimeoutException("t"), HTTP, Duration.ofMillis(1500))
            .message());
  }

  /** Only the JDK's refusal of a header block sends the request again through the raw recorder. */
  @Test
  void aRefusedHeaderBlockIsTheJdksInvalidHeaderProtocolException() {
    assertEquals(
        true,
        NetworkErrors.isRefusedHeaderBlock(
            new ProtocolException("Invalid header name \"Access-Control-Allow-Origin \"")));
    assertEquals(
        true,
        NetworkErrors.isRefusedHeaderBlock(new ProtocolException("Invalid header value \"X\"")));
    assertEquals(
        false, NetworkErrors.isRefusedHeaderBlock(new ProtocolException("Invalid status line")));
    assertEquals(false, NetworkErrors.isRefusedHeaderBlock(new IOException("Invalid header x")));
    assertEquals(false, NetworkErrors.isRefusedHeaderBlock(new ProtocolException(null)));
  }

  @Test
  void onlyConnectionFailuresAreRetried() {
    for (NetworkErrorKind kind : NetworkErrorKind.values()) {
      assertEquals(
          kind == NetworkErrorKind.CONNECT,
          NetworkErrors.isConnectFailure(new NetworkError(kind, "m")),
          kind.name());
    }
  }

  @Test
  void unwrapStopsAtTheRealCause() {
    ConnectException real = new ConnectException("refused");
    assertSame(
        real,
        NetworkErrors.unwrap(
            new CompletionException(new ExecutionException(new IOException("refused", real)))));
    IOException bare = new IOException("alone");
    assertSame(bare, NetworkErrors.unwrap(new CompletionException(bare)));
    CompletionException empty = new CompletionException(null);
    assertSame(empty, NetworkErrors.unwrap(empty));
  }
}
