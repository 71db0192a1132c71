package dev.corsaudit.cli;

import dev.corsaudit.audit.AuditListener;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.RowStatus;
import java.io.PrintWriter;

/** A live "done/total" line on stderr, redrawn in place with a carriage return. */
final class ProgressLine implements AuditListener {

  private final PrintWriter err;
  private int total;
  private int done;
  private int failures;
  private long slowestMs = -1;
  private String slowestHost = "";
  private long lastDrawNanos;

  ProgressLine(PrintWriter err) {
    this.err = err;
  }

  @Override
  public synchronized void started(int total) {
    this.total = total;
    draw(true);
  }

  @Override
  public synchronized void finished(AuditResult result) {
    done++;
    if (result.status() == RowStatus.FAIL || result.status() == RowStatus.ERROR) {
      failures++;
    }
    if (result.preflight() != null && result.preflight().elapsedMs() > slowestMs) {
      slowestMs = result.preflight().elapsedMs();
      slowestHost = host(result.target().probeUrl());
    }
    draw(done == total);
  }

  @Override
  public void done() {
    clear();
  }

  synchronized void clear() {
    err.print("\r\033[K");
    err.flush();
  }

  private void draw(boolean force) {
    long now = System.nanoTime();
    // Redrawing on every result would cost more than the probes at thousands per second.
    if (!force && now - lastDrawNanos < 100_000_000L) {
      return;
    }
    lastDrawNanos = now;
    String slowest = slowestMs < 0 ? "" : "  slowest: " + slowestHost + " " + slowestMs + " ms";
    err.print("\r\033[K" + done + "/" + total + " done  " + failures + " not passing" + slowest);
    err.flush();
  }

  /** host[:port] only: a URL's userinfo is a secret, and its host a server may not control. */
  private static String host(String url) {
    return dev.corsaudit.result.Escape.terminal(dev.corsaudit.result.Redactor.hostOf(url));
  }
}
