package dev.corsaudit.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The global (--concurrency) and per-host limits, slot by slot, without any network. */
class ConcurrencyLimiterTest {

  @Test
  void globalLimitHoldsAcrossHosts() {
    ConcurrencyLimiter limiter = new ConcurrencyLimiter(2, 10);
    CompletableFuture<Void> a = limiter.acquire("a:1");
    CompletableFuture<Void> b = limiter.acquire("b:1");
    CompletableFuture<Void> c = limiter.acquire("c:1");
    CompletableFuture<Void> d = limiter.acquire("d:1");
    assertTrue(a.isDone());
    assertTrue(b.isDone());
    assertFalse(c.isDone(), "a third host waits for a global slot");
    assertFalse(d.isDone());
    assertEquals(2, limiter.inFlight());
    limiter.release("a:1");
    assertTrue(c.isDone(), "a released slot goes to the next waiter");
    assertFalse(d.isDone());
    assertEquals(2, limiter.inFlight());
    limiter.release("b:1");
    assertTrue(d.isDone());
    limiter.release("c:1");
    limiter.release("d:1");
    assertEquals(0, limiter.inFlight());
  }

  @Test
  void perHostLimitLetsOtherHostsThrough() {
    ConcurrencyLimiter limiter = new ConcurrencyLimiter(10, 1);
    CompletableFuture<Void> a1 = limiter.acquire("a:1");
    CompletableFuture<Void> a2 = limiter.acquire("a:1");
    CompletableFuture<Void> b1 = limiter.acquire("b:1");
    assertTrue(a1.isDone());
    assertFalse(a2.isDone(), "one per host");
    assertTrue(b1.isDone(), "another host is not held up");
    assertEquals(2, limiter.inFlight());
    limiter.release("b:1");
    assertFalse(a2.isDone(), "b's slot is not a's");
    assertEquals(1, limiter.inFlight());
    limiter.release("a:1");
    assertTrue(a2.isDone());
    assertEquals(1, limiter.inFlight());
  }

  @Test
  void waitersOfOneHostKeepTheirOrder() {
    ConcurrencyLimiter limiter = new ConcurrencyLimiter(1, 1);
    CompletableFuture<Void> first = limiter.acquire("a:1");
    CompletableFuture<Void> second = limiter.acquire("a:1");
    CompletableFuture<Void> third = limiter.acquire("a:1");
    assertTrue(first.isDone());
    limiter.release("a:1");
    assertTrue(second.isDone());
    assertFalse(third.isDone());
    limiter.release("a:1");
    assertTrue(third.isDone());
  }

  @Test
  void aNewcomerDoesNotOvertakeQueuedWaitersOfItsHost() {
    ConcurrencyLimiter limiter = new ConcurrencyLimiter(1, 5);
    CompletableFuture<Void> a = limiter.acquire("a:1");
    CompletableFuture<Void> queued = limiter.acquire("b:1");
    limiter.release("a:1");
    assertTrue(queued.isDone());
    // b has a queue no longer; b runs one of five, but the global slot is taken.
    CompletableFuture<Void> late = limiter.acquire("b:1");
    assertFalse(late.isDone());
    limiter.release("b:1");
    assertTrue(late.isDone());
  }

  @Test
  void waiterIsServedWhenItsHostHasRoomEvenIfAnotherIsFull() {
    ConcurrencyLimiter limiter = new ConcurrencyLimiter(3, 1);
    limiter.acquire("a:1");
    CompletableFuture<Void> a2 = limiter.acquire("a:1");
    limiter.acquire("b:1");
    CompletableFuture<Void> b2 = limiter.acquire("b:1");
    limiter.acquire("c:1");
    assertEquals(3, limiter.inFlight());
    limiter.release("b:1");
    assertFalse(a2.isDone(), "a is still full");
    assertTrue(b2.isDone(), "the waiter of the host with room gets the slot");
  }
}
