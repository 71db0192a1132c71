package dev.corsaudit.probe;

import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.NetworkError;
import dev.corsaudit.model.NetworkErrorKind;
import dev.corsaudit.model.PlannedRequest;
import dev.corsaudit.model.RecordedResponse;
import dev.corsaudit.model.SentRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Sends planned requests and records what came back. It never grades and never throws for a network
 * fault: every outcome is an {@link Exchange}.
 *
 * <p>What a server receives differs from a browser's request in ways the JDK client does not let us
 * change: header names go out sorted alphabetically rather than in Chromium's order, a bodyless
 * OPTIONS carries {@code Content-Length: 0}, and there is no {@code Accept-Encoding} (we do not ask
 * for compression we could not decode). On http:// we force HTTP/1.1, because the JDK's default
 * HTTP/2 setting adds {@code Connection: Upgrade, HTTP2-Settings} and {@code Upgrade: h2c}, which
 * no browser sends; on https:// ALPN picks h2 or HTTP/1.1 as with a browser ({@link
 * #tlsParameters}).
 *
 * <p>When the JDK client refuses a response's header block (a space before a colon, a control byte
 * in a value), which a browser may accept, the request goes once more through {@link
 * RawHttp1Recorder}, which keeps the lines byte for byte.
 */
public final class Prober implements AutoCloseable {

  /** Headers the JDK client refuses to let us set; a browser does not let pages set them either. */
  private static final Set<String> RESTRICTED =
      Set.of("host", "connection", "content-length", "expect", "upgrade");

  /**
   * The JDK client hands every {@code sendAsync} completion to the default async pool; with fewer
   * than three cores the common pool's parallelism is 1, and CompletableFuture then starts a new
   * thread per task, i.e. one thread per response (measured: 1,000 threads for 1,000 rows). Two
   * common-pool workers are enough and reuse their threads. Set before the pool is first used, and
   * only when the user has not chosen a value.
   */
  static final String COMMON_POOL_PARALLELISM =
      "java.util.concurrent.ForkJoinPool.common.parallelism";

  static {
    if (System.getProperty(COMMON_POOL_PARALLELISM) == null
        && Runtime.getRuntime().availableProcessors() < 3) {
      System.setProperty(COMMON_POOL_PARALLELISM, "2");
    }
  }

  /**
   * Raw re-sends block on a socket, so they get their own threads rather than the client's few;
   * they are rare (only after the JDK refused a header block) and idle threads die after 60 s.
   */
  private static final ExecutorService RAW_THREADS = Executors.newCachedThreadPool(daemonThreads());

  private final ProbeOptions options;
  private final HttpClient client;
  private final ExecutorService executor;
  private final ConcurrencyLimiter limiter;
  private final Instant deadlineAt;
  private final RawHttp1Recorder raw;

  public Prober(ProbeOptions options) {
    this.options = options;
    // A small fixed pool: the client is asynchronous, threads only run callbacks.
    this.executor =
        Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors() * 2), daemonThreads());
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_2)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(options.timeout())
            .executor(executor);
    // TLS is set up at the first https handshake, not here: a plain-http run never loads it.
    SSLContext tls;
    if (options.insecure()) {
      // Certificates and host names are both the trust manager's to accept (TrustAll).
      tls = new LazyTls(TrustAll::context);
    } else if (!options.route().caCerts().isEmpty()) {
      NetworkRoute route = options.route();
      tls = new LazyTls(route::sslContext);
    } else {
      tls = LazyTls.systemDefault();
    }
    builder.sslContext(tls);
    this.raw =
        new RawHttp1Recorder(tls, options.insecure(), options.bodyHeadBytes(), options.route());
    if (options.route().selector() != null) {
      builder.proxy(options.route().selector());
      proxyAuthentication(builder, options.route());
    }
    builder.sslParameters(tlsParameters());
    this.client = builder.build();
    this.limiter = new ConcurrencyLimiter(options.concurrency(), options.perHostConcurrency());
    this.deadlineAt = options.deadline() == null ? null : Instant.now().plus(options.deadline());
  }

  /**
   * The client's TLS parameters. Our own, so that building the client does not ask the lazy context
   * for its defaults (which would set it up). They name the protocol versions because the JDK
   * client offers ALPN {@code h2, http/1.1} only when its parameters list TLS 1.2 or 1.3: with
   * versions left unset it offered no ALPN at all and every https request went out as HTTP/1.1,
   * where a browser speaks HTTP/2 to a server that can. TLS 1.3 and 1.2 are what browsers and the
   * JDK's own defaults allow; cipher suites stay the context's defaults.
   */
  static SSLParameters tlsParameters() {
    SSLParameters parameters = new SSLParameters();
    parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
    return parameters;
  }

  /** Sends one request (bounded by the limits); the future never completes exceptionally. */
  public CompletableFuture<Exchange> send(PlannedRequest planned) {
    URI uri;
    try {
      uri = URI.create(planned.url());
    } catch (IllegalArgumentException e) {
      SentRequest sent = sentRequest(planned, null, "HTTP/1.1");
      return CompletableFuture.completedFuture(
          Exchange.ofError(
              sent,
              new NetworkError(NetworkErrorKind.PROTOCOL, "invalid URL " + planned.url()),
              Instant.now(),
              0));
    }
    String hostKey = uri.getHost() + ":" + uri.getPort();
    return limiter
        .acquire(hostKey)
        .thenCompose(slot -> attempt(planned, uri, 0))
        .whenComplete((exchange, failure) -> limiter.release(hostKey));
  }

  private CompletableFuture<Exchange> attempt(PlannedRequest planned, URI uri, int attempt) {
    Instant started = Instant.now();
    boolean http2 = "https".equalsIgnoreCase(uri.getScheme());
    String version = http2 ? "HTTP/2" : "HTTP/1.1";
    Duration timeout = options.timeout();
    if (deadlineAt != null) {
      Duration left = Duration.between(started, deadlineAt);
      if (left.isNegative() || left.isZero()) {
        return CompletableFuture.completedFuture(
            Exchange.ofError(
                sentRequest(planned, uri, version),
                new NetworkError(
                    NetworkErrorKind.TIMEOUT,
                    "the run's deadline of "
                        + options.deadline().toSeconds()
                        + "s passed before this request started",
                    "raise the run's deadline, or audit fewer endpoints in one run"),
                started,
                0));
      }
      timeout = left.compareTo(timeout) < 0 ? left : timeout;
    }
    HttpRequest request;
    try {
      request = build(planned, uri, http2, timeout);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(
          Exchange.ofError(
              sentRequest(planned, uri, version),
              new NetworkError(
                  NetworkErrorKind.PROTOCOL, "cannot send this request: " + e.getMessage()),
              started,
              0));
    }
    AtomicReference<HttpResponse.ResponseInfo> info = new AtomicReference<>();
    AtomicBoolean refusedHead = new AtomicBoolean();
    AtomicReference<BodyHead> body = new AtomicReference<>();
    HttpResponse.BodyHandler<BodyHead> handler =
        responseInfo -> {
          info.set(responseInfo);
          BodyHead head = new BodyHead(options.bodyHeadBytes());
          body.set(head);
          return head;
        };
    long startNanos = System.nanoTime();
    Duration budget = timeout;
    CompletableFuture<Exchange> result =
        client
            .sendAsync(request, handler)
            .orTimeout(budget.toMillis() + 50, TimeUnit.MILLISECONDS)
            .handle(
                (response, failure) -> {
                  long elapsed = (System.nanoTime() - startNanos) / 1_000_000;
                  if (failure == null) {
                    return recorded(
                        planned,
                        uri,
                        response.version(),
                        info.get(),
                        response.body(),
                        started,
                        elapsed);
                  }
                  Throwable root = NetworkErrors.unwrap(failure);
                  if (root instanceof TimeoutException && info.get() != null) {
                    // Headers arrived but the body kept trickling: keep what we have.
                    if (body.get() != null) {
                      body.get().markIncomplete();
                    }
                    return recorded(
                        planned,
                        uri,
                        info.get().version(),
                        info.get(),
                        body.get(),
                        started,
                        elapsed);
                  }
                  refusedHead.set(NetworkErrors.isRefusedHeaderBlock(root));
                  NetworkError error = NetworkErrors.classify(root, uri, budget);
                  if (error.kind() == NetworkErrorKind.TIMEOUT
                      && budget.compareTo(options.timeout()) < 0) {
                    error = NetworkErrors.deadlineCut(uri, options.deadline());
                  }
                  return Exchange.ofError(
                      sentRequest(planned, uri, version), error, started, elapsed);
                });
    return result.thenCompose(
        exchange -> {
          if (refusedHead.get()) {
            return resendRaw(planned, uri, exchange, started, budget);
          }
          if (exchange.failed()
              && NetworkErrors.isConnectFailure(exchange.error())
              && attempt < options.connectRetries()) {
            return CompletableFuture.supplyAsync(
                    () -> null,
                    CompletableFuture.delayedExecutor(
                        100L * (attempt + 1), TimeUnit.MILLISECONDS, executor))
                .thenCompose(ignored -> attempt(planned, uri, attempt + 1));
          }
          return CompletableFuture.completedFuture(exchange);
        });
  }

  /**
   * The JDK refused the header block, which a browser's parser may accept: send the request once
   * more through the raw recorder, within what is left of the budget. The JDK's error stands when
   * the raw attempt fails too.
   */
  private CompletableFuture<Exchange> resendRaw(
      PlannedRequest planned, URI uri, Exchange refused, Instant started, Duration budget) {
    Duration left = budget.minus(Duration.between(started, Instant.now()));
    if (left.toMillis() < 1) {
      return CompletableFuture.completedFuture(refused);
    }
    return CompletableFuture.supplyAsync(() -> raw.record(planned, uri, left), RAW_THREADS)
        .thenApply(recorded -> recorded.failed() ? refused : recorded);
  }

  private HttpRequest build(PlannedRequest planned, URI uri, boolean http2, Duration timeout) {
    HttpRequest.BodyPublisher body =
        planned.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(planned.body());
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .version(http2 ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
            .method(planned.method(), body);
    for (HeaderLine header : settable(planned.headers())) {
      builder.header(header.name(), header.value());
    }
    return builder.build();
  }

  static List<HeaderLine> settable(List<HeaderLine> headers) {
    List<HeaderLine> out = new ArrayList<>();
    for (HeaderLine header : headers) {
      if (!RESTRICTED.contains(header.name().toLowerCase(Locale.ROOT))) {
        out.add(header);
      }
    }
    return out;
  }

  private Exchange recorded(
      PlannedRequest planned,
      URI uri,
      HttpClient.Version version,
      HttpResponse.ResponseInfo info,
      BodyHead body,
      Instant started,
      long elapsed) {
    String httpVersion = version == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1";
    List<HeaderLine> headers = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : info.headers().map().entrySet()) {
      if (entry.getKey().startsWith(":")) {
        continue; // HTTP/2 pseudo-headers (":status") are not header lines
      }
      for (String value : entry.getValue()) {
        headers.add(new HeaderLine(entry.getKey(), value));
      }
    }
    String contentType = info.headers().firstValue("content-type").orElse(null);
    RecordedResponse response =
        new RecordedResponse(
            info.statusCode(),
            httpVersion,
            headers,
            contentType,
            body == null ? "" : body.text(),
            body != null && body.truncated());
    return Exchange.ofResponse(sentRequest(planned, uri, httpVersion), response, started, elapsed);
  }

  private static SentRequest sentRequest(PlannedRequest planned, URI uri, String httpVersion) {
    List<HeaderLine> added = new ArrayList<>();
    if (uri != null && "HTTP/1.1".equals(httpVersion)) {
      // What the client sends: host[:port], never the userinfo of the URL.
      added.add(
          new HeaderLine(
              "Host", uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort()));
    }
    int length = planned.body() == null ? 0 : planned.body().length;
    added.add(new HeaderLine("Content-Length", Integer.toString(length)));
    return new SentRequest(
        planned.method(), planned.url(), httpVersion, settable(planned.headers()), added);
  }

  /** The client, for tests of its shutdown. */
  HttpClient client() {
    return client;
  }

  @Override
  public void close() {
    ClientShutdown.shutdown(client);
    executor.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return runnable -> {
      Thread thread = new Thread(runnable, "cors-audit-probe");
      thread.setDaemon(true);
      return thread;
    };
  }

  /** user:password in a proxy URL answers the proxy's Basic challenge, for CONNECT too. */
  private static void proxyAuthentication(HttpClient.Builder builder, NetworkRoute route) {
    String info = route.proxyUserInfo("https");
    if (info == null) {
      info = route.proxyUserInfo("http");
    }
    if (info == null || !info.contains(":")) {
      return;
    }
    // The JDK refuses Basic for CONNECT tunnels unless this is cleared (curl sends it).
    System.setProperty("jdk.http.auth.tunneling.disabledSchemes", "");
    String user =
        java.net.URLDecoder.decode(
            info.substring(0, info.indexOf(':')), java.nio.charset.StandardCharsets.UTF_8);
    char[] password =
        java.net.URLDecoder.decode(
                info.substring(info.indexOf(':') + 1), java.nio.charset.StandardCharsets.UTF_8)
            .toCharArray();
    builder.authenticator(
        new java.net.Authenticator() {
          @Override
          protected java.net.PasswordAuthentication getPasswordAuthentication() {
            return getRequestorType() == RequestorType.PROXY
                ? new java.net.PasswordAuthentication(user, password)
                : null;
          }
        });
  }
}
