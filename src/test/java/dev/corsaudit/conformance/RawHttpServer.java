package dev.corsaudit.conformance;

import dev.corsaudit.model.HeaderLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * A tiny HTTP/1.1 server on 127.0.0.1 that writes header lines exactly as given: repeated names
 * stay separate lines, empty values and surrounding whitespace survive. com.sun.net.httpserver
 * cannot do that (it adds its own lines and trims nothing we could rely on), and these are the
 * details CORS cases are about. One request per connection; every response closes it.
 */
final class RawHttpServer implements AutoCloseable {

  /** Answers one request; runs on a pool thread. */
  interface Handler {
    Response handle(Request request) throws IOException;
  }

  record Request(String method, String target, List<HeaderLine> headers, byte[] body) {
    String header(String name) {
      return HeaderLine.combined(headers, name);
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /**
   * Headers are written verbatim, then Content-Length (unless the status forbids a body).
   *
   * @param rawLines written first and byte for byte (ISO-8859-1), each followed by CRLF unless it
   *     ends in LF itself: malformed lines (space before the colon, control bytes, folds, bare LF)
   *     that no {@link HeaderLine} can say
   */
  record Response(int status, List<HeaderLine> headers, byte[] body, List<String> rawLines) {
    Response {
      rawLines = List.copyOf(rawLines);
    }

    Response(int status, List<HeaderLine> headers, byte[] body) {
      this(status, headers, body, List.of());
    }

    static Response text(int status, String contentType, String body) {
      return new Response(
          status,
          List.of(new HeaderLine("Content-Type", contentType)),
          body.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static final int MAX_HEAD_BYTES = 64 * 1024;
  private static final Map<Integer, String> REASONS =
      Map.ofEntries(
          Map.entry(200, "OK"),
          Map.entry(201, "Created"),
          Map.entry(202, "Accepted"),
          Map.entry(203, "Non-Authoritative Information"),
          Map.entry(204, "No Content"),
          Map.entry(205, "Reset Content"),
          Map.entry(206, "Partial Content"),
          Map.entry(301, "Moved Permanently"),
          Map.entry(302, "Found"),
          Map.entry(303, "See Other"),
          Map.entry(307, "Temporary Redirect"),
          Map.entry(308, "Permanent Redirect"),
          Map.entry(400, "Bad Request"),
          Map.entry(401, "Unauthorized"),
          Map.entry(403, "Forbidden"),
          Map.entry(404, "Not Found"),
          Map.entry(405, "Method Not Allowed"),
          Map.entry(500, "Internal Server Error"),
          Map.entry(501, "Not Implemented"),
          Map.entry(502, "Bad Gateway"),
          Map.entry(503, "Service Unavailable"),
          Map.entry(504, "Gateway Timeout"),
          Map.entry(505, "HTTP Version Not Supported"));

  private final ServerSocket socket;
  private final Handler handler;
  private final ExecutorService pool = Executors.newCachedThreadPool(daemonThreads());

  private RawHttpServer(ServerSocket socket, Handler handler) {
    this.socket = socket;
    this.handler = handler;
  }

  static RawHttpServer start(Handler handler) throws IOException {
    ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    RawHttpServer server = new RawHttpServer(socket, handler);
    server.pool.execute(server::acceptLoop);
    return server;
  }

  int port() {
    return socket.getLocalPort();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        pool.execute(() -> serve(connection));
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        // One failed accept must not stop the server the browser is talking to.
      }
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      connection.setSoTimeout(15_000);
      Request request = read(connection.getInputStream());
      if (request == null) {
        return;
      }
      Response response;
      try {
        response = handler.handle(request);
      } catch (RuntimeException | IOException e) {
        response = Response.text(500, "text/plain", "handler failed: " + e);
      }
      write(connection.getOutputStream(), response);
    } catch (IOException e) {
      // The browser went away (e.g. it was killed at the end of the run): nothing to answer.
    }
  }

  private static Request read(InputStream in) throws IOException {
    String head = readHead(in);
    if (head == null) {
      return null;
    }
    String[] lines = head.split("\r\n");
    String[] requestLine = lines[0].split(" ");
    List<HeaderLine> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.add(
            new HeaderLine(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip()));
      }
    }
    String length = HeaderLine.combined(headers, "Content-Length");
    byte[] body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length.strip()));
    String target = requestLine.length > 1 ? requestLine[1] : "/";
    return new Request(requestLine[0], target, headers, body);
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] terminator = {'\r', '\n', '\r', '\n'};
    while (matched < terminator.length) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = b == terminator[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      if (head.size() > MAX_HEAD_BYTES) {
        throw new IOException("request head too large");
      }
    }
    return head.toString(StandardCharsets.ISO_8859_1).strip();
  }

  private static void write(OutputStream out, Response response) throws IOException {
    StringBuilder head = new StringBuilder();
    head.append("HTTP/1.1 ")
        .append(response.status())
        .append(' ')
        .append(REASONS.getOrDefault(response.status(), "Status"))
        .append("\r\n");
    for (String raw : response.rawLines()) {
      head.append(raw).append(raw.endsWith("\n") ? "" : "\r\n");
    }
    for (HeaderLine line : response.headers()) {
      head.append(line.name()).append(": ").append(line.value()).append("\r\n");
    }
    boolean bodyAllowed = response.status() != 204 && response.status() != 304;
    if (bodyAllowed) {
      head.append("Content-Length: ").append(response.body().length).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (bodyAllowed) {
      out.write(response.body());
    }
    out.flush();
  }

  private static ThreadFactory daemonThreads() {
    return runnable -> {
      Thread thread = new Thread(runnable, "raw-http");
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() throws IOException {
    socket.close();
    pool.shutdownNow();
  }
}
