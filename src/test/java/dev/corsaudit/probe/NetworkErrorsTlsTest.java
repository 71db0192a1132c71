package dev.corsaudit.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.corsaudit.model.NetworkError;
import dev.corsaudit.model.NetworkErrorKind;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.URI;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TLS failures in the user's terms (expired when, not yet valid, another host name, not TLS), and
 * plain http sent to a TLS port, from the exceptions the JDK throws for them.
 */
class NetworkErrorsTlsTest {

  private static final URI HTTPS = URI.create("https://api.example/v1");

  record Case(Throwable failure, String url, NetworkErrorKind kind, String message, String fix) {}

  private static SSLHandshakeException handshake(String message, Throwable cause) {
    SSLHandshakeException e = new SSLHandshakeException(message);
    e.initCause(cause);
    return e;
  }

  static List<Case> tls() {
    String at = "the certificate of api.example:443";
    return List.of(
        new Case(
            handshake(
                "PKIX path validation failed",
                new CertificateExpiredException("NotAfter: Mon Jan 01 00:00:00 UTC 2024")),
            HTTPS.toString(),
            NetworkErrorKind.TLS,
            at + " expired on 2024-01-01",
            "renew the server's certificate"),
        new Case(
            handshake("x", new CertificateExpiredException("NotAfter: some day")),
            HTTPS.toString(),
            NetworkErrorKind.TLS,
            at + " expired (some day)",
            "renew the server's certificate"),
        new Case(
            handshake("x", new CertificateExpiredException()),
            HTTPS.toString(),
            NetworkErrorKind.TLS,
            at + " expired",
            "renew the server's certificate"),
        new Case(
            handshake("x", new CertificateExpiredException("soon")),
            HTTPS.toString(),
            NetworkErrorKind.TLS,
            at + " expired",
            "renew the server's certificate"),
        new Case(
            handshake("x", new CertificateNotYetValidException("NotBefore: later")),
            HTTPS.toString(),
            NetworkErrorKind.TLS,
            at + " is not valid yet (check this machine's clock)",
            "check the clocks of this machine and the server"),
        new Case(
            new SSLHandshakeException("No subject alternative DNS name matching api.example"),
            HTTPS.toString(),
            NetworkErrorKind.TLS,
            at + " is for another host name",
            "use the host name the certificate is for, or fix the server's certificate"),
        new Case(
            new SSLHandshakeException("No name matching api.example found"),
            HTTPS.toString(),
            NetworkErrorKind.TLS,
            at + " is for another host name",
            "use the host name the certificate is for, or fix the server's certificate"),
        new Case(
            new SSLHandshakeException("Unsupported or unrecognized SSL message"),
            HTTPS.toString(),
            NetworkErrorKind.TLS,
            "the server did not answer TLS: is it plain HTTP? try http://api.example/v1",
            "use http:// for this endpoint, or enable TLS on the server"),
        new Case(
            new SSLHandshakeException("plaintext connection?"),
            HTTPS.toString(),
            NetworkErrorKind.TLS,
            "the server did not answer TLS: is it plain HTTP? try http://api.example/v1",
            "use http:// for this endpoint, or enable TLS on the server"));
  }

  private static Case hint(Throwable failure, String url) {
    String hostPort = URI.create(url).getHost() + ":" + URI.create(url).getPort();
    return new Case(
        failure,
        url,
        NetworkErrorKind.PROTOCOL,
        hostPort
            + " did not answer plain HTTP: does it speak TLS? try "
            + url.replace("http:", "https:"),
        "use https:// for this endpoint");
  }

  static List<Case> plainToTls() {
    return List.of(
        hint(new ProtocolException("x"), "http://api.example:443/v1"),
        hint(new EOFException(), "http://api.example:443/v1"),
        hint(new IOException("bad header"), "http://api.example:443/v1"),
        hint(new IOException("channel closed"), "http://api.example:443/v1"),
        hint(new IOException("connection reset"), "http://api.example:443/v1"),
        hint(new IOException("connection reset"), "http://api.example:8443/v1"),
        // A TLS alert read as text: control bytes, or the replacement character.
        hint(new IOException("\u0015\u0003 reset"), "http://api.example:8080/v1"),
        hint(new IOException("\uFFFD reset"), "http://api.example:8080/v1"),
        new Case(
            new IOException("a\tb reset"),
            "http://api.example:8080/v1",
            NetworkErrorKind.CONNECT,
            "connection to api.example:8080 was closed before a response (a\tb reset)",
            null),
        new Case(
            new IOException("\u0015\u0003"),
            "http://api.example:8080/v1",
            NetworkErrorKind.PROTOCOL,
            "request to api.example:8080 failed (\u0015\u0003)",
            null),
        new Case(
            new ProtocolException("x"),
            "http://api.example:8080/v1",
            NetworkErrorKind.PROTOCOL,
            "api.example:8080 sent an invalid HTTP response (x)",
            null));
  }

  private static void check(Case c) {
    NetworkError error =
        NetworkErrors.classify(c.failure(), URI.create(c.url()), Duration.ofSeconds(10));
    assertEquals(c.kind(), error.kind());
    assertEquals(c.message(), error.message());
    assertEquals(c.fix(), error.fix());
  }

  @ParameterizedTest
  @MethodSource("tls")
  void tlsFailures(Case c) {
    check(c);
  }

  @ParameterizedTest
  @MethodSource("plainToTls")
  void plainHttpToATlsPort(Case c) {
    check(c);
  }
}
