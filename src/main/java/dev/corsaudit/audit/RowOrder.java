package dev.corsaudit.audit;

import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditTarget;
import dev.corsaudit.result.RowSink;
import dev.corsaudit.result.RunSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows finish out of order; a report lists them in order. Holds each finished row until every row
 * before it is out, then hands it on, so at most the rows in flight are held. Counts what it handed
 * on, since the rows themselves are not kept.
 */
final class RowOrder {

  private final RowSink sink;
  private final Map<Integer, AuditResult> waiting = new HashMap<>();
  private int next;
  private boolean closed;
  private final int[] counts = new int[dev.corsaudit.result.RowStatus.values().length];
  private final List<String> skipReasons = new java.util.ArrayList<>();

  /**
   * Each target's place in this run's list (a shard's targets keep their seq in the whole plan).
   */
  private final Map<Integer, Integer> place = new HashMap<>();

  RowOrder(RowSink sink, List<AuditTarget> targets) {
    this.sink = sink;
    for (int i = 0; i < targets.size(); i++) {
      place.put(targets.get(i).seq(), i);
    }
  }

  /** A finished row (placed by its seq); hands on every row that is now next in line. */
  synchronized void finished(AuditResult result) {
    if (closed) {
      return;
    }
    waiting.put(place.getOrDefault(result.target().seq(), result.target().seq()), result);
    AuditResult ready;
    while ((ready = waiting.remove(next)) != null) {
      emit(ready);
      next++;
    }
  }

  /** The run was cut short: every row not yet handed on goes out UNFINISHED, and nothing after. */
  synchronized void interrupt(List<AuditTarget> targets) {
    if (closed) {
      return;
    }
    for (int i = next; i < targets.size(); i++) {
      emit(AuditResult.unfinished(targets.get(i)));
    }
    next = targets.size();
    closed = true;
  }

  synchronized RunSummary summary() {
    Map<dev.corsaudit.result.RowStatus, Integer> byStatus =
        new java.util.EnumMap<>(dev.corsaudit.result.RowStatus.class);
    int total = 0;
    for (dev.corsaudit.result.RowStatus status : dev.corsaudit.result.RowStatus.values()) {
      byStatus.put(status, counts[status.ordinal()]);
      total += counts[status.ordinal()];
    }
    return new RunSummary(total, byStatus, skipReasons);
  }

  private void emit(AuditResult result) {
    counts[result.status().ordinal()]++;
    RunSummary.keepSkipReason(skipReasons, result.skipReason());
    try {
      sink.row(result);
    } catch (IOException e) {
      closed = true;
      throw new UncheckedIOException(e);
    }
  }
}
