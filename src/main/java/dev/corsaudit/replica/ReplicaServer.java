package dev.corsaudit.replica;

import dev.corsaudit.model.HttpReasons;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Serves the replicas on an ephemeral loopback port. Raw sockets, because the point is to send
 * header lines exactly as recorded: their order, their case and repeated lines of one name.
 */
public final class ReplicaServer implements AutoCloseable {

  private static final int MAX_HEADER_BYTES = 64 * 1024;
  private static final int MAX_BODY_BYTES = 64 * 1024;

  private final ReplicaCatalog catalog;
  private final ServerSocket socket;
  private final ExecutorService workers;
  private final Thread acceptor;

  /** Open connections, closed with the server so no worker is left blocked in a read at exit. */
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

  private ReplicaServer(ReplicaCatalog catalog) throws IOException {
    this.catalog = catalog;
    this.socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    this.workers =
        // A thread per open connection (keep-alive connections sit idle in a thread), up to 512;
        // a queue would leave new connections waiting behind idle ones.
        new ThreadPoolExecutor(
            0,
            512,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "cors-audit-replica");
              t.setDaemon(true);
              return t;
            });
    this.acceptor = new Thread(this::acceptLoop, "cors-audit-replica-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static ReplicaServer start(ReplicaCatalog catalog) throws IOException {
    return new ReplicaServer(catalog);
  }

  public static ReplicaServer startBuiltin() throws IOException {
    return start(ReplicaCatalog.loadBuiltin());
  }

  public boolean has(String replicaId) {
    return catalog.get(replicaId) != null;
  }

  /** Where a replica lives; the provider's path is appended to it. */
  public String baseUrl(String replicaId) {
    return "http://127.0.0.1:" + port() + "/" + replicaId;
  }

  public int port() {
    return socket.getLocalPort();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        try {
          workers.execute(() -> serve(client));
        } catch (java.util.concurrent.RejectedExecutionException busy) {
          client.close(); // over 512 connections: refuse rather than queue behind idle ones
        }
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client) {
    connections.add(client);
    if (socket.isClosed()) {
      connections.remove(client);
      closeQuietly(client);
      return;
    }
    try (client) {
      client.setSoTimeout(30_000);
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      while (true) {
        ParsedRequest request = ParsedRequest.read(in, MAX_HEADER_BYTES);
        if (request == null) {
          return;
        }
        out.write(respond(request));
        out.flush();
        if ("close".equalsIgnoreCase(request.headers().get("connection"))) {
          return;
        }
      }
    } catch (SocketException e) {
      // client went away
    } catch (IOException e) {
      // malformed or timed-out connection: drop it, as a real server would
    } finally {
      connections.remove(client);
    }
  }

  private byte[] respond(ParsedRequest request) {
    String path = request.target();
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    String[] segments = path.split("/", 3);
    String id = segments.length > 1 ? segments[1] : "";
    String below = segments.length > 2 ? "/" + segments[2] : "";
    Replica replica = catalog.get(id);
    if (replica == null) {
      return plain(404, "Not Found", "no replica named '" + id + "'\n");
    }
    Replica.Rule rule =
        RuleMatcher.match(
            replica,
            request.method(),
            below,
            request.headers(),
            new String(request.body(), StandardCharsets.UTF_8));
    if (rule == null) {
      return plain(
          404,
          "Not Found",
          "replica '" + id + "' has no rule for " + request.method() + " " + below + "\n");
    }
    return render(rule.respond(), request);
  }

  static byte[] render(Replica.Respond respond, ParsedRequest request) {
    String origin = request.headers().getOrDefault("origin", "");
    String requested = request.headers().getOrDefault("access-control-request-headers", "");
    String body = respond.body() == null ? "" : respond.body();
    byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head =
        new StringBuilder("HTTP/1.1 ")
            .append(respond.status())
            .append(' ')
            .append(respond.reason() != null ? respond.reason() : reason(respond.status()))
            .append("\r\n");
    boolean hasContentType = false;
    for (Replica.Header header : respond.headers()) {
      hasContentType |= header.name().equalsIgnoreCase("content-type");
      head.append(header.name())
          .append(": ")
          .append(
              header.value().replace("{origin}", origin).replace("{request_headers}", requested))
          .append("\r\n");
    }
    if (!hasContentType && respond.contentType() != null) {
      head.append("Content-Type: ").append(respond.contentType()).append("\r\n");
    }
    boolean noBody = respond.status() == 204 || respond.status() == 304 || respond.status() < 200;
    if (!noBody) {
      head.append("Content-Length: ").append(bodyBytes.length).append("\r\n");
    }
    head.append("\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    out.write(headBytes, 0, headBytes.length);
    if (!noBody && !request.method().equals("HEAD")) {
      out.write(bodyBytes, 0, bodyBytes.length);
    }
    return out.toByteArray();
  }

  private static String reason(int status) {
    String reason = HttpReasons.of(status);
    return reason.isEmpty() ? "Status" : reason;
  }

  private static byte[] plain(int status, String reason, String text) {
    return render(
        new Replica.Respond(status, reason, List.of(), text, "text/plain; charset=utf-8"),
        new ParsedRequest("GET", "/", new HashMap<>(), new byte[0]));
  }

  @Override
  public void close() {
    closeQuietly(socket);
    // A worker blocked in a socket read ignores interrupts; closing its socket ends the read. The
    // JVM's exit waits up to 300 ms for any thread still inside a native call (see
    // probe.ClientShutdown), so the threads are joined here.
    for (Socket connection : connections) {
      closeQuietly(connection);
    }
    workers.shutdownNow();
    try {
      acceptor.join(500);
      workers.awaitTermination(500, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  /** A request line, its headers (lower-cased names) and its body (the first 64 KiB kept). */
  record ParsedRequest(String method, String target, Map<String, String> headers, byte[] body) {

    static ParsedRequest read(InputStream in, int maxHeaderBytes) throws IOException {
      String requestLine = line(in, maxHeaderBytes);
      while (requestLine != null && requestLine.isEmpty()) {
        requestLine = line(in, maxHeaderBytes); // tolerate stray CRLF between requests
      }
      if (requestLine == null) {
        return null;
      }
      String[] parts = requestLine.split(" ");
      if (parts.length < 3) {
        throw new IOException("bad request line");
      }
      Map<String, String> headers = new HashMap<>();
      int total = 0;
      String line;
      while ((line = line(in, maxHeaderBytes)) != null && !line.isEmpty()) {
        total += line.length();
        if (total > maxHeaderBytes) {
          throw new IOException("headers too large");
        }
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.put(
              line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
              line.substring(colon + 1).strip());
        }
      }
      long length = 0;
      try {
        length = Long.parseLong(headers.getOrDefault("content-length", "0"));
      } catch (NumberFormatException e) {
        throw new IOException("bad content-length");
      }
      if (length < 0) {
        throw new IOException("bad content-length");
      }
      byte[] body = in.readNBytes((int) Math.min(length, MAX_BODY_BYTES));
      if (body.length < Math.min(length, MAX_BODY_BYTES)) {
        throw new IOException("body cut short");
      }
      in.skipNBytes(length - body.length);
      return new ParsedRequest(parts[0], parts[1], headers, body);
    }

    private static String line(InputStream in, int max) throws IOException {
      StringBuilder sb = new StringBuilder();
      int c;
      while ((c = in.read()) != -1) {
        if (c == '\n') {
          int end = sb.length();
          if (end > 0 && sb.charAt(end - 1) == '\r') {
            sb.setLength(end - 1);
          }
          return sb.toString();
        }
        sb.append((char) c);
        if (sb.length() > max) {
          throw new IOException("line too long");
        }
      }
      return sb.length() == 0 ? null : sb.toString();
    }
  }
}
