package dev.corsaudit.cli;

import dev.corsaudit.audit.AuditListener;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.Escape;
import dev.corsaudit.result.RowStatus;
import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A live line on stderr, redrawn in place: done/total, in flight, elapsed time and the slowest
 * provider so far. Results redraw it (at most ten times a second), and a timer redraws it twice a
 * second, so the last result of a burst is never lost and the clock keeps moving. It never wraps
 * (cut to the terminal's width) and is cleared before the report is printed.
 */
final class ProgressLine implements AuditListener {

  private final PrintWriter err;
  private final int width;
  private final int concurrency;
  private final LongSupplier clock;
  private ScheduledExecutorService timer;
  private int total;
  private int done;
  private int failures;
  private long slowestMs = -1;
  private String slowestId = "";
  private long startNanos;
  private long lastDrawNanos;
  private boolean drawn;
  private boolean finished;

  ProgressLine(PrintWriter err, int width, int concurrency, LongSupplier clock) {
    this.err = err;
    this.width = width;
    this.concurrency = concurrency;
    this.clock = clock;
  }

  ProgressLine(PrintWriter err, int width, int concurrency) {
    this(err, width, concurrency, System::nanoTime);
  }

  @Override
  public synchronized void started(int total) {
    this.total = total;
    this.startNanos = clock.getAsLong();
    draw(true);
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "cors-audit-progress");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleAtFixedRate(this::tick, 500, 500, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void finished(AuditResult result) {
    done++;
    if (result.status() == RowStatus.FAIL || result.status() == RowStatus.ERROR) {
      failures++;
    }
    if (result.preflight() != null && result.preflight().elapsedMs() > slowestMs) {
      slowestMs = result.preflight().elapsedMs();
      slowestId = Escape.terminal(result.target().provider().id());
    }
    draw(done == total);
  }

  @Override
  public void done() {
    clear();
  }

  synchronized void tick() {
    draw(true);
  }

  /** Erases the line (before the report, or when the run is interrupted); no redraw after. */
  synchronized void clear() {
    finished = true;
    if (timer != null) {
      timer.shutdownNow();
    }
    if (drawn) {
      err.print("\r\033[K");
      err.flush();
      drawn = false;
    }
  }

  /** The line as drawn now, cut to the width (a wrapped line cannot be redrawn in place). */
  synchronized String text() {
    long elapsed = (clock.getAsLong() - startNanos) / 1_000_000_000L;
    int inFlight = Math.max(0, Math.min(concurrency, total - done));
    String line =
        done
            + "/"
            + total
            + " done, "
            + inFlight
            + " in flight, "
            + failures
            + " not passing, "
            + (elapsed >= 60 ? elapsed / 60 + "m" + elapsed % 60 + "s" : elapsed + "s")
            + (slowestMs < 0 ? "" : ", slowest: " + slowestId + " " + slowestMs + " ms");
    int room = Math.max(10, width - 1);
    return line.length() <= room ? line : line.substring(0, room - 1) + "…";
  }

  private void draw(boolean force) {
    if (finished) {
      return;
    }
    long now = clock.getAsLong();
    // Redrawing on every result would cost more than the probes at thousands per second.
    if (!force && now - lastDrawNanos < 100_000_000L) {
      return;
    }
    lastDrawNanos = now;
    err.print("\r\033[K" + text());
    err.flush();
    drawn = true;
  }
}
