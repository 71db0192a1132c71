package dev.corsaudit.probe;

import dev.corsaudit.model.NetworkError;
import dev.corsaudit.model.NetworkErrorKind;
import java.io.EOFException;
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
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Names a network failure in one line of facts; never a stack trace. What to do about it is the
 * cause's fix (grade), so the advice is said once.
 */
final class NetworkErrors {

  private NetworkErrors() {}

  static NetworkError classify(Throwable failure, URI uri, Duration timeout) {
    Throwable root = unwrap(failure);
    String host = uri.getHost();
    String hostPort = host + ":" + port(uri);
    String reason = reason(root);
    if (inChain(root, UnknownHostException.class)
        || inChain(root, UnresolvedAddressException.class)) {
      return new NetworkError(NetworkErrorKind.DNS, "cannot resolve host " + host);
    }
    if (root instanceof HttpConnectTimeoutException
        || root instanceof HttpTimeoutException
        || root instanceof TimeoutException) {
      return new NetworkError(
          NetworkErrorKind.TIMEOUT,
          "no complete answer from " + hostPort + " within " + seconds(timeout));
    }
    if (isTls(root)) {
      return tls(root, uri, hostPort, reason);
    }
    if ("http".equalsIgnoreCase(uri.getScheme()) && looksLikeTlsPort(uri, root, reason)) {
      return new NetworkError(
          NetworkErrorKind.PROTOCOL,
          hostPort
              + " did not answer plain HTTP: does it speak TLS? try "
              + withScheme(uri, "https"),
          "use https:// for this endpoint");
    }
    if (root instanceof ConnectException || root instanceof NoRouteToHostException) {
      return new NetworkError(
          NetworkErrorKind.CONNECT, "connection to " + hostPort + " refused (" + reason + ")");
    }
    if (root instanceof ProtocolException
        || root instanceof EOFException
        || isProtocolMessage(reason)) {
      return new NetworkError(
          NetworkErrorKind.PROTOCOL, hostPort + " sent an invalid HTTP response (" + reason + ")");
    }
    if (reason.toLowerCase(Locale.ROOT).contains("reset")
        || reason.toLowerCase(Locale.ROOT).contains("closed")) {
      return new NetworkError(
          NetworkErrorKind.CONNECT,
          "connection to " + hostPort + " was closed before a response (" + reason + ")");
    }
    return new NetworkError(
        NetworkErrorKind.PROTOCOL, "request to " + hostPort + " failed (" + reason + ")");
  }

  /** A TLS failure in the user's terms: who issued the certificate, when it expired, no TLS. */
  private static NetworkError tls(Throwable root, URI uri, String hostPort, String reason) {
    java.security.cert.CertificateExpiredException expired =
        find(root, java.security.cert.CertificateExpiredException.class);
    if (expired != null) {
      return new NetworkError(
          NetworkErrorKind.TLS,
          "the certificate of " + hostPort + " expired" + expiryDate(expired.getMessage()),
          "renew the server's certificate");
    }
    java.security.cert.CertificateNotYetValidException early =
        find(root, java.security.cert.CertificateNotYetValidException.class);
    if (early != null) {
      return new NetworkError(
          NetworkErrorKind.TLS,
          "the certificate of " + hostPort + " is not valid yet (check this machine's clock)",
          "check the clocks of this machine and the server");
    }
    if (chainMentions(root, "unable to find valid certification path")
        || chainMentions(root, "PKIX path building failed")) {
      return new NetworkError(
          NetworkErrorKind.TLS,
          "the certificate of " + hostPort + " is issued by an unknown authority",
          "if a proxy intercepts TLS, add its CA certificate to the trusted ones; otherwise the"
              + " server must send its full certificate chain");
    }
    if (chainMentions(root, "No subject alternative") || chainMentions(root, "No name matching")) {
      return new NetworkError(
          NetworkErrorKind.TLS,
          "the certificate of " + hostPort + " is for another host name",
          "use the host name the certificate is for, or fix the server's certificate");
    }
    if (chainMentions(root, "Unsupported or unrecognized SSL message")
        || chainMentions(root, "plaintext connection")) {
      return new NetworkError(
          NetworkErrorKind.TLS,
          "the server did not answer TLS: is it plain HTTP? try " + withScheme(uri, "http"),
          "use http:// for this endpoint, or enable TLS on the server");
    }
    return new NetworkError(
        NetworkErrorKind.TLS, "TLS handshake with " + hostPort + " failed (" + reason + ")");
  }

  /** "NotAfter: Mon Jan 01 00:00:00 UTC 2024" → " on 2024-01-01". */
  static String expiryDate(String message) {
    if (message == null || !message.startsWith("NotAfter: ")) {
      return "";
    }
    try {
      java.time.format.DateTimeFormatter format =
          java.time.format.DateTimeFormatter.ofPattern(
              "EEE MMM dd HH:mm:ss zzz yyyy", java.util.Locale.ROOT);
      return " on "
          + java.time.ZonedDateTime.parse(message.substring(10).strip(), format)
              .withZoneSameInstant(java.time.ZoneOffset.UTC)
              .toLocalDate();
    } catch (java.time.format.DateTimeParseException e) {
      return " (" + message.substring(10).strip() + ")";
    }
  }

  private static boolean looksLikeTlsPort(URI uri, Throwable root, String reason) {
    int port = port(uri);
    boolean tlsPort = port == 443 || port == 8443;
    // A TLS server answers a plain request with an alert record (bytes 0x15 0x03) or not at all.
    boolean binary = reason.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0xFFFD);
    return (binary || tlsPort)
        && (root instanceof ProtocolException
            || root instanceof EOFException
            || isProtocolMessage(reason)
            || reason.toLowerCase(Locale.ROOT).contains("closed")
            || reason.toLowerCase(Locale.ROOT).contains("reset"));
  }

  private static String withScheme(URI uri, String scheme) {
    String text = uri.toString();
    return scheme + text.substring(text.indexOf(':'));
  }

  private static <T extends Throwable> T find(Throwable root, Class<T> type) {
    for (Throwable t = root; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static boolean chainMentions(Throwable root, String text) {
    for (Throwable t = root; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains(text)) {
        return true;
      }
    }
    return false;
  }

  /** A request cut short by the run's deadline, not by the per-request timeout. */
  static NetworkError deadlineCut(URI uri, Duration deadline) {
    return new NetworkError(
        NetworkErrorKind.TIMEOUT,
        "no complete answer from "
            + uri.getHost()
            + ":"
            + port(uri)
            + " before the run's deadline of "
            + seconds(deadline),
        "raise the run's deadline, or audit fewer endpoints in one run");
  }

  /**
   * The JDK client refused a response's header block ("Invalid header name", "Invalid header
   * value"): the case the raw recorder re-sends, since browsers accept some such blocks.
   */
  static boolean isRefusedHeaderBlock(Throwable root) {
    return root instanceof ProtocolException
        && root.getMessage() != null
        && root.getMessage().startsWith("Invalid header ");
  }

  /** True for failures worth retrying: nothing was received, the connection itself failed. */
  static boolean isConnectFailure(NetworkError error) {
    return error.kind() == NetworkErrorKind.CONNECT;
  }

  private static boolean inChain(Throwable root, Class<? extends Throwable> type) {
    for (Throwable t = root; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTls(Throwable root) {
    for (Throwable t = root; t != null; t = t.getCause()) {
      if (t instanceof SSLException || t instanceof CertificateException) {
        return true;
      }
    }
    return false;
  }

  private static boolean isProtocolMessage(String reason) {
    String lower = reason.toLowerCase(Locale.ROOT);
    return lower.contains("header")
        || lower.contains("status line")
        || lower.contains("invalid")
        || lower.contains("no bytes")
        || lower.contains("eof")
        || lower.contains("unexpected")
        || lower.contains("too long")
        || lower.contains("too large");
  }

  static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    // The JDK wraps the real cause of a failed send in a plain IOException with the same message.
    while (t.getClass() == java.io.IOException.class && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static String reason(Throwable t) {
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      // Some JDK exceptions carry no message; say what happened in words, not a class name.
      if (t instanceof ConnectException) {
        return "nothing listens there";
      }
      if (t instanceof EOFException) {
        return "the connection ended early";
      }
      return "no details";
    }
    return message.lines().findFirst().orElse("no details").strip();
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
  }
}
