package dev.corsaudit.probe;

import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.NetworkError;
import dev.corsaudit.model.PlannedRequest;
import dev.corsaudit.model.RecordedResponse;
import dev.corsaudit.model.SentRequest;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Sends one request over a plain socket (https: an {@link SSLSocket} offering only ALPN {@code
 * http/1.1}) and records the answer's head byte for byte. The prober uses it only after the JDK
 * client refused a response's header block, which browsers may still accept (a space before a
 * colon, a control byte in a value): the JDK gives no bytes back then. Records only; which lines
 * count is each engine's parser's business (grade). One request per connection, closed after.
 */
final class RawHttp1Recorder {

  private final SSLContext tls;
  private final boolean insecure;
  private final int bodyHeadBytes;
  private final NetworkRoute route;

  /**
   * @param tls the context the JDK client uses (system trust, --cacert, or --insecure's)
   * @param insecure skip host name verification, as the JDK client does under --insecure
   * @param route the proxies the JDK client uses, so the re-send takes the same way
   */
  RawHttp1Recorder(SSLContext tls, boolean insecure, int bodyHeadBytes, NetworkRoute route) {
    this.tls = tls;
    this.insecure = insecure;
    this.bodyHeadBytes = bodyHeadBytes;
    this.route = route;
  }

  /** Blocking; never throws: a failure is an error exchange. */
  Exchange record(PlannedRequest planned, URI uri, Duration timeout) {
    Instant started = Instant.now();
    long startNanos = System.nanoTime();
    long deadline = startNanos + timeout.toNanos();
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
    RawProxy proxy = RawProxy.of(route, uri);
    SentRequest sent = sentRequest(planned, uri, https ? null : proxy);
    try (Socket socket = connect(uri.getHost(), port, https, timeout, proxy)) {
      OutputStream out = socket.getOutputStream();
      // Through an http proxy the request names the whole URL (absolute form).
      String target = proxy != null && !https ? absolute(uri, port) : origin(uri);
      out.write(requestHead(planned, target, sent).getBytes(StandardCharsets.ISO_8859_1));
      if (planned.body() != null) {
        out.write(planned.body());
      }
      out.flush();
      InputStream in = new BufferedInputStream(new Deadline(socket, deadline));
      RawHead head = RawHead.read(in);
      while (head.status() >= 100 && head.status() < 200) {
        // 103 Early Hints and the like come before the answer (the deadline bounds a stream of
        // them).
        head = RawHead.read(in);
      }
      RawBody body = RawBody.read(in, planned.method(), head, bodyHeadBytes);
      RecordedResponse response =
          new RecordedResponse(
              head.status(),
              head.httpVersion(),
              head.headers(),
              HeaderLine.combined(head.headers(), "Content-Type"),
              body.text(),
              body.truncated(),
              head.lines());
      return Exchange.ofResponse(sent, response, started, elapsedMs(startNanos));
    } catch (IOException | RuntimeException e) {
      NetworkError error = NetworkErrors.classify(e, uri, timeout);
      return Exchange.ofError(sent, error, started, elapsedMs(startNanos));
    }
  }

  private Socket connect(String host, int port, boolean https, Duration timeout, RawProxy proxy)
      throws IOException {
    Socket plain = new Socket();
    try {
      int millis = (int) Math.max(1, timeout.toMillis());
      plain.connect(proxy == null ? new InetSocketAddress(host, port) : proxy.address(), millis);
      if (!https) {
        return plain;
      }
      if (proxy != null) {
        plain.setSoTimeout(millis);
        proxy.tunnel(plain, host, port);
      }
      SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setApplicationProtocols(new String[] {"http/1.1"});
      if (!insecure) {
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
      }
      socket.setSSLParameters(parameters);
      socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
      socket.startHandshake();
      return socket;
    } catch (IOException | RuntimeException e) {
      plain.close();
      throw e;
    }
  }

  /** What a browser's request looks like on HTTP/1.1: the page's headers in their order. */
  private static String requestHead(PlannedRequest planned, String target, SentRequest sent) {
    StringBuilder head = new StringBuilder(planned.method() + " " + target + " HTTP/1.1\r\n");
    List<HeaderLine> lines = new ArrayList<>(sent.clientAddedHeaders().subList(0, 1));
    lines.addAll(sent.headers());
    lines.addAll(sent.clientAddedHeaders().subList(1, sent.clientAddedHeaders().size()));
    for (HeaderLine line : lines) {
      head.append(line.name()).append(": ").append(line.value()).append("\r\n");
    }
    return head.append("\r\n").toString();
  }

  /** The path and query, as the request line names them going direct or through a tunnel. */
  private static String origin(URI uri) {
    String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? target : target + "?" + uri.getRawQuery();
  }

  private static String absolute(URI uri, int port) {
    String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + port;
    return uri.getScheme() + "://" + authority + origin(uri);
  }

  /**
   * @param proxy the http proxy the request goes to in absolute form, or null
   */
  private static SentRequest sentRequest(PlannedRequest planned, URI uri, RawProxy proxy) {
    List<HeaderLine> added = new ArrayList<>();
    added.add(
        new HeaderLine(
            "Host", uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort()));
    if (planned.body() != null) {
      added.add(new HeaderLine("Content-Length", Integer.toString(planned.body().length)));
    }
    added.add(new HeaderLine("Connection", "close"));
    if (proxy != null && proxy.authorization() != null) {
      added.add(proxy.authorization());
    }
    return new SentRequest(
        planned.method(), planned.url(), "HTTP/1.1", Prober.settable(planned.headers()), added);
  }

  private static long elapsedMs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** Each read waits at most until the request's deadline: a trickling server cannot hold us. */
  private static final class Deadline extends FilterInputStream {
    private final Socket socket;
    private final long deadline;

    Deadline(Socket socket, long deadline) throws IOException {
      super(socket.getInputStream());
      this.socket = socket;
      this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
      arm();
      return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      arm();
      return super.read(b, off, len);
    }

    private void arm() throws IOException {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        throw new SocketTimeoutException("no complete answer in time");
      }
      socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
    }
  }
}
