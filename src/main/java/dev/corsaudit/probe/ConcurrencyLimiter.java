package dev.corsaudit.probe;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/**
 * Global and per-host limits without a thread per waiting request: waiters are futures, queued per
 * host, and a finished request hands its slot to the next host that has room.
 */
final class ConcurrencyLimiter {

  private final int global;
  private final int perHost;
  private final Map<String, Queue<CompletableFuture<Void>>> waiting = new LinkedHashMap<>();
  private final Map<String, Integer> running = new HashMap<>();
  private int inFlight;

  ConcurrencyLimiter(int global, int perHost) {
    this.global = global;
    this.perHost = perHost;
  }

  synchronized CompletableFuture<Void> acquire(String host) {
    CompletableFuture<Void> slot = new CompletableFuture<>();
    if (inFlight < global
        && running.getOrDefault(host, 0) < perHost
        && !waiting.containsKey(host)) {
      take(host);
      slot.complete(null);
    } else {
      waiting.computeIfAbsent(host, h -> new ArrayDeque<>()).add(slot);
    }
    return slot;
  }

  void release(String host) {
    CompletableFuture<Void> next;
    synchronized (this) {
      inFlight--;
      running.merge(host, -1, Integer::sum);
      next = nextWaiter();
    }
    // Completing outside the lock: the waiter's continuation may start the next request inline.
    if (next != null) {
      next.complete(null);
    }
  }

  synchronized int inFlight() {
    return inFlight;
  }

  private CompletableFuture<Void> nextWaiter() {
    if (inFlight >= global) {
      return null;
    }
    Iterator<Map.Entry<String, Queue<CompletableFuture<Void>>>> hosts =
        waiting.entrySet().iterator();
    while (hosts.hasNext()) {
      Map.Entry<String, Queue<CompletableFuture<Void>>> entry = hosts.next();
      if (running.getOrDefault(entry.getKey(), 0) >= perHost) {
        continue;
      }
      CompletableFuture<Void> waiter = entry.getValue().poll();
      if (entry.getValue().isEmpty()) {
        hosts.remove();
      }
      take(entry.getKey());
      return waiter;
    }
    return null;
  }

  private void take(String host) {
    inFlight++;
    running.merge(host, 1, Integer::sum);
  }
}
