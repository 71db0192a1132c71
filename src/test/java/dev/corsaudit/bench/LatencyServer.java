package dev.corsaudit.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback server that answers every preflight with a passing CORS response after a fixed delay,
 * standing in for N providers that are all {@code latency} away.
 */
final class LatencyServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicLong requests;

  private LatencyServer(HttpServer server, ExecutorService executor, AtomicLong requests) {
    this.server = server;
    this.executor = executor;
    this.requests = requests;
  }

  /** Requests answered since the last call (the number a run sent, for its latency bound). */
  long takeRequestCount() {
    return requests.getAndSet(0);
  }

  static LatencyServer start(Duration latency, int threads) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    long sleepMs = latency.toMillis();
    AtomicLong requests = new AtomicLong();
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          try {
            if (sleepMs > 0) {
              Thread.sleep(sleepMs);
            }
            var headers = exchange.getResponseHeaders();
            headers.add("Access-Control-Allow-Origin", "*");
            headers.add("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
            headers.add("Access-Control-Allow-Headers", "Authorization, Content-Type");
            headers.add("Access-Control-Max-Age", "86400");
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            exchange.close();
          }
        });
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    server.setExecutor(executor);
    server.start();
    return new LatencyServer(server, executor, requests);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
