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
      return new NetworkError(
          NetworkErrorKind.TLS, "TLS handshake with " + hostPort + " failed (" + reason + ")");
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
