package dev.corsaudit.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A loopback HTTP proxy that makes a browser without request interception (MiniBrowser) load the
 * stand-in page from the audited origin: requests for that origin are answered here (over TLS with
 * a throw-away self-signed certificate for an https origin), everything else is passed through
 * unchanged (CONNECT tunnels, or plain HTTP requests forwarded to their host).
 */
final class PageProxy implements AutoCloseable {

  private static final int MAX_HEAD = 64 * 1024;

  private final ServerSocket server;
  private final Path work;
  private final ExecutorService pool = Executors.newCachedThreadPool(daemon());
  private final Map<String, SSLContext> tls = new ConcurrentHashMap<>();
  private final AtomicInteger pages = new AtomicInteger();
  private volatile String origin = "";
  private volatile byte[] page = new byte[0];

  private PageProxy(ServerSocket server, Path work) {
    this.server = server;
    this.work = work;
  }

  static PageProxy start(Path work) throws IOException {
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    PageProxy proxy = new PageProxy(server, work);
    proxy.pool.execute(proxy::acceptLoop);
    return proxy;
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /**
   * From now on the stand-in page at {@code pageOrigin} is {@code html}.
   *
   * @return the URL to open (unique, so nothing is served from a cache)
   */
  String serve(String pageOrigin, String html) throws IOException {
    URI uri = URI.create(pageOrigin);
    if (uri.getScheme().equals("https")) {
      tlsFor(uri.getHost()); // made before the browser asks for it
    }
    this.origin = pageOrigin.toLowerCase(Locale.ROOT);
    this.page = html.getBytes(StandardCharsets.UTF_8);
    return pageOrigin + FetchScript.PAGE_PATH + "?n=" + pages.incrementAndGet();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        pool.execute(() -> handle(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void handle(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      String head = readHead(in);
      if (head == null) {
        return;
      }
      String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
      if (requestLine.length < 3) {
        return;
      }
      if (requestLine[0].equals("CONNECT")) {
        connect(client, requestLine[1]);
      } else {
        forwardOrServe(client, requestLine, head);
      }
    } catch (IOException e) {
      // the browser gave up on the connection; nothing to report
    }
  }

  private void connect(Socket client, String authority) throws IOException {
    OutputStream out = client.getOutputStream();
    String host = authority.substring(0, authority.lastIndexOf(':'));
    int port = Integer.parseInt(authority.substring(authority.lastIndexOf(':') + 1));
    URI page = URI.create(origin);
    boolean isPage =
        page.getScheme().equals("https")
            && page.getHost().equalsIgnoreCase(host)
            && (page.getPort() < 0 ? 443 : page.getPort()) == port;
    if (!isPage) {
      try (Socket upstream = new Socket(host, port)) {
        out.write(
            "HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        pipe(client, upstream);
      }
      return;
    }
    out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    SSLSocket tlsSocket =
        (SSLSocket)
            tlsFor(host)
                .getSocketFactory()
                .createSocket(client, host, port, /* autoClose= */ false);
    tlsSocket.setUseClientMode(false);
    try (tlsSocket) {
      String head = readHead(tlsSocket.getInputStream());
      if (head != null) {
        String target = head.substring(0, head.indexOf("\r\n")).split(" ")[1];
        answer(tlsSocket.getOutputStream(), target);
      }
    }
  }

  private void forwardOrServe(Socket client, String[] requestLine, String head) throws IOException {
    URI target = URI.create(requestLine[1]);
    String targetOrigin =
        (target.getScheme() + "://" + target.getRawAuthority()).toLowerCase(Locale.ROOT);
    if (targetOrigin.equals(origin)) {
      answer(client.getOutputStream(), target.getRawPath());
      return;
    }
    // Not the page: pass the request on to its server, in origin form, byte for byte otherwise.
    int port = target.getPort() < 0 ? 80 : target.getPort();
    try (Socket upstream = new Socket(target.getHost(), port)) {
      String rawPath = target.getRawPath();
      String originForm =
          (rawPath == null || rawPath.isEmpty() ? "/" : rawPath)
              + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
      String rewritten =
          requestLine[0]
              + " "
              + originForm
              + " "
              + requestLine[2]
              + head.substring(head.indexOf("\r\n"));
      upstream.getOutputStream().write(rewritten.getBytes(StandardCharsets.ISO_8859_1));
      pipe(client, upstream);
    }
  }

  /** The stand-in page, or an empty 204 for anything else at the origin (favicon). */
  private void answer(OutputStream out, String target) throws IOException {
    boolean isPage = target != null && target.startsWith(FetchScript.PAGE_PATH);
    byte[] body = isPage ? page : new byte[0];
    String head =
        (isPage
                ? "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                : "HTTP/1.1 204 No Content\r\n")
            + "Cache-Control: no-store\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  private void pipe(Socket client, Socket upstream) throws IOException {
    var upload =
        pool.submit(
            () -> {
              try {
                client.getInputStream().transferTo(upstream.getOutputStream());
                upstream.shutdownOutput();
              } catch (IOException e) {
                // either side closed
              }
            });
    try {
      upstream.getInputStream().transferTo(client.getOutputStream());
    } catch (IOException e) {
      // either side closed
    }
    upload.cancel(true);
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (head.size() < MAX_HEAD) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }

  /** A self-signed certificate for {@code host}, made with the JDK's keytool. */
  private SSLContext tlsFor(String host) throws IOException {
    SSLContext existing = tls.get(host);
    if (existing != null) {
      return existing;
    }
    Path store = work.resolve("page-" + tls.size() + ".p12");
    String password = "cors-audit";
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    try {
      Process p =
          new ProcessBuilder(
                  keytool.toString(),
                  "-genkeypair",
                  "-alias",
                  "page",
                  "-keyalg",
                  "EC",
                  "-validity",
                  "2",
                  "-dname",
                  "CN=" + host,
                  "-ext",
                  "SAN=dns:" + host,
                  "-storetype",
                  "PKCS12",
                  "-keystore",
                  store.toString(),
                  "-storepass",
                  password)
              .redirectErrorStream(true)
              .start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("keytool could not make a certificate for " + host + ": " + output);
      }
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        keys.load(in, password.toCharArray());
      }
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, password.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      tls.put(host, context);
      return context;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while making a certificate", e);
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException("cannot load the stand-in page's certificate: " + e.getMessage(), e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "cors-audit-page-proxy");
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // already closed
    }
    pool.shutdownNow();
  }
}
