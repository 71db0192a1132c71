package dev.corsaudit.cli;

import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.RowStatus;
import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * Ctrl-C (or SIGTERM) during a run: write the results gathered so far, mark the rest UNFINISHED,
 * and let the JVM exit with its signal code (130 for Ctrl-C), which tells CI the run was
 * incomplete. Nothing that was measured is lost.
 */
final class InterruptGuard {

  /** Writes the interrupted run where the finished one would have gone. */
  interface Writer {
    void write(AuditRun run) throws Exception;
  }

  private final Thread hook;
  private volatile boolean armed = true;

  private InterruptGuard(Thread hook) {
    this.hook = hook;
  }

  static InterruptGuard install(Supplier<AuditRun> snapshot, Writer writer, PrintWriter err) {
    InterruptGuard[] self = new InterruptGuard[1];
    Thread hook =
        new Thread(
            () -> {
              if (!self[0].armed) {
                return;
              }
              AuditRun run = snapshot.get();
              try {
                writer.write(run);
              } catch (Exception e) {
                // best effort while the JVM is going down
              }
              int total = run.summary().total();
              int unfinished = run.summary().count(RowStatus.UNFINISHED);
              err.println(
                  "cors-audit: interrupted; wrote the "
                      + (total - unfinished)
                      + " of "
                      + total
                      + " results that had finished (the rest are marked UNFINISHED)");
              err.flush();
            },
            "cors-audit-interrupt");
    self[0] = new InterruptGuard(hook);
    Runtime.getRuntime().addShutdownHook(hook);
    return self[0];
  }

  /** The run finished: a later exit is not an interruption. */
  void disarm() {
    armed = false;
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // already exiting; the armed flag keeps the hook quiet
    }
  }
}
