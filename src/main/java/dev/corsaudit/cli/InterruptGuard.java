package dev.corsaudit.cli;

import dev.corsaudit.ToolVersion;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.AuditTarget;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Ctrl-C (or SIGTERM) during a run: write the results gathered so far, mark the rest as not
 * finished, and let the JVM exit with its signal code (130 for Ctrl-C), which tells CI the run was
 * incomplete. Nothing that was measured is lost.
 */
final class InterruptGuard {

  private final Thread hook;
  private volatile boolean armed = true;

  private InterruptGuard(Thread hook) {
    this.hook = hook;
  }

  static InterruptGuard install(
      List<AuditTarget> targets,
      List<CompletableFuture<AuditResult>> futures,
      boolean replicas,
      OutputOptions output,
      PrintWriter err) {
    InterruptGuard[] self = new InterruptGuard[1];
    Thread hook =
        new Thread(
            () -> {
              if (!self[0].armed) {
                return;
              }
              List<AuditResult> results = new ArrayList<>();
              int finished = 0;
              for (int i = 0; i < targets.size(); i++) {
                AuditResult done = futures.get(i).getNow(null);
                if (done != null) {
                  results.add(done);
                  finished++;
                } else {
                  AuditTarget t = targets.get(i);
                  results.add(
                      new AuditResult(
                          new AuditTarget(
                              t.seq(),
                              t.provider(),
                              t.profile(),
                              t.request(),
                              t.probeUrl(),
                              "not finished: the run was interrupted"),
                          null,
                          null,
                          null));
                }
              }
              try {
                output.writeInterrupted(
                    new AuditRun(
                        ToolVersion.version(), Clock.systemUTC().instant(), replicas, results));
              } catch (Exception e) {
                // best effort while the JVM is going down
              }
              err.println(
                  "cors-audit: interrupted; wrote the "
                      + finished
                      + " of "
                      + targets.size()
                      + " results that had finished (the rest are marked 'not finished')");
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
