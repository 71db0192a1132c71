package dev.corsaudit.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * The ceiling of the JDK client on this machine: the same preflights as cors-audit's, sent with a
 * bare {@code HttpClient.sendAsync} loop (HTTP/1.1, a fixed number in flight, nothing else). The
 * benchmark runs it in a child JVM with the same flags as cors-audit, so both rates include JVM
 * start.
 *
 * <p>Arguments: {@code URL_FILE CONCURRENCY}. Prints the number of 2xx answers.
 */
public final class BareLoop {

  private BareLoop() {}

  public static void main(String[] args) throws Exception {
    List<String> urls = Files.readAllLines(Path.of(args[0]));
    int concurrency = Integer.parseInt(args[1]);
    // As cors-audit does on a small machine (Prober): without it every completion starts a thread.
    if (System.getProperty("java.util.concurrent.ForkJoinPool.common.parallelism") == null
        && Runtime.getRuntime().availableProcessors() < 3) {
      System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "2");
    }
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(30))
            .build();
    Semaphore slots = new Semaphore(concurrency);
    List<CompletableFuture<Integer>> all = new ArrayList<>(urls.size());
    for (String url : urls) {
      slots.acquire();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(30))
              .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
              .header("Origin", "https://example.com")
              .header("Access-Control-Request-Method", "POST")
              .header("Access-Control-Request-Headers", "content-type")
              .build();
      all.add(
          client
              .sendAsync(request, HttpResponse.BodyHandlers.discarding())
              .handle((response, failure) -> failure == null ? response.statusCode() : -1)
              .whenComplete((status, failure) -> slots.release()));
    }
    long ok = all.stream().map(CompletableFuture::join).filter(s -> s / 100 == 2).count();
    System.out.println(ok);
    stopSelector();
  }

  /**
   * As cors-audit's probe does at the end of a run (probe.ClientShutdown): the JVM's exit waits 300
   * ms for a thread inside a native call, and the JDK 17 client's selector sits in epoll_wait.
   * Without this the loop's figure would carry 0.3 s that is not the client's work.
   */
  private static void stopSelector() throws InterruptedException {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      String name = thread.getName();
      if (name.startsWith("HttpClient-") && name.endsWith("-SelectorManager")) {
        thread.interrupt();
        thread.join(500);
      }
    }
  }
}
