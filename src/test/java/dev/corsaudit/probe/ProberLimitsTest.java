package dev.corsaudit.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.NetworkErrorKind;
import dev.corsaudit.model.PlannedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The global --concurrency limit and the run's --deadline, seen from the servers. */
@Timeout(20)
class ProberLimitsTest {

  @StartStop public final MockWebServer one = new MockWebServer();
  @StartStop public final MockWebServer two = new MockWebServer();
  @StartStop public final MockWebServer three = new MockWebServer();

  private final AtomicInteger arrived = new AtomicInteger();
  private final CountDownLatch open = new CountDownLatch(1);

  private final Dispatcher held =
      new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
          arrived.incrementAndGet();
          open.await(10, TimeUnit.SECONDS);
          return new MockResponse.Builder().code(204).build();
        }
      };

  private static PlannedRequest options(MockWebServer server, String path) {
    return new PlannedRequest("OPTIONS", server.url(path).toString(), List.of(), null);
  }

  private static void await(AtomicInteger counter, int value) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (counter.get() < value && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    assertEquals(value, counter.get());
  }

  @Test
  void globalLimitSpansHosts() throws Exception {
    for (MockWebServer server : List.of(one, two, three)) {
      server.setDispatcher(held);
    }
    ProbeOptions limits =
        ProbeOptions.defaults()
            .withTimeout(Duration.ofSeconds(10))
            .withConnectRetries(0)
            .withConcurrency(2)
            .withPerHostConcurrency(8);
    try (Prober prober = new Prober(limits)) {
      List<CompletableFuture<Exchange>> all = new ArrayList<>();
      for (MockWebServer server : List.of(one, two, three)) {
        for (int i = 0; i < 3; i++) {
          all.add(prober.send(options(server, "/" + i)));
        }
      }
      await(arrived, 2);
      // Give a broken limit the chance to let a third request through.
      Thread.sleep(200);
      assertEquals(2, arrived.get(), "two in flight across three hosts");
      assertFalse(all.stream().anyMatch(CompletableFuture::isDone));
      open.countDown();
      for (CompletableFuture<Exchange> f : all) {
        assertEquals(204, f.get(10, TimeUnit.SECONDS).response().status());
      }
      assertEquals(9, arrived.get());
    }
  }

  @Test
  void perHostLimitHoldsOneHost() throws Exception {
    one.setDispatcher(held);
    ProbeOptions limits =
        ProbeOptions.defaults()
            .withTimeout(Duration.ofSeconds(10))
            .withConnectRetries(0)
            .withConcurrency(10)
            .withPerHostConcurrency(3);
    try (Prober prober = new Prober(limits)) {
      List<CompletableFuture<Exchange>> all = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        all.add(prober.send(options(one, "/" + i)));
      }
      await(arrived, 3);
      Thread.sleep(200);
      assertEquals(3, arrived.get());
      open.countDown();
      for (CompletableFuture<Exchange> f : all) {
        assertEquals(204, f.get(10, TimeUnit.SECONDS).response().status());
      }
    }
  }

  @Test
  void passedDeadlineFailsWithoutSending() {
    try (Prober prober = new Prober(ProbeOptions.defaults().withDeadline(Duration.ZERO))) {
      Exchange exchange = prober.send(options(one, "/late")).join();
      assertEquals(NetworkErrorKind.TIMEOUT, exchange.error().kind());
      assertTrue(exchange.error().message().contains("deadline of 0s"), exchange.error().message());
      assertEquals(0, exchange.elapsedMs());
      assertEquals("OPTIONS", exchange.request().method());
    }
    assertEquals(0, one.getRequestCount());
  }

  @Test
  void deadlineShortensTheTimeout() {
    one.setDispatcher(held);
    ProbeOptions options =
        ProbeOptions.defaults()
            .withTimeout(Duration.ofSeconds(10))
            .withConnectRetries(0)
            .withDeadline(Duration.ofMillis(400));
    long start = System.nanoTime();
    try (Prober prober = new Prober(options)) {
      Exchange exchange = prober.send(options(one, "/slow")).join();
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertEquals(NetworkErrorKind.TIMEOUT, exchange.error().kind());
      assertTrue(ms < 3000, "the deadline, not the 10 s timeout, bounded it: " + ms + " ms");
    } finally {
      open.countDown();
    }
  }

  @Test
  void generousDeadlineDoesNotCutAFastAnswer() {
    one.enqueue(new MockResponse.Builder().code(204).build());
    try (Prober prober = new Prober(ProbeOptions.defaults().withDeadline(Duration.ofSeconds(30)))) {
      assertEquals(204, prober.send(options(one, "/")).join().response().status());
    }
  }
}
