package dev.corsaudit.cli;

import dev.corsaudit.audit.AuditRequest;
import dev.corsaudit.audit.AuditSession;
import dev.corsaudit.result.AuditRun;
import java.util.List;

/** The commands' one way into the pipeline: options → {@link AuditRequest} → {@link AuditRun}. */
final class Audits {

  private Audits() {}

  static AuditRequest request(TargetOptions target, List<String> only, NetworkOptions network) {
    return AuditRequest.of(target.load())
        .withSelection(target.selection(only))
        .withReplicas(target.replicas)
        .withNetwork(network.probeOptions(), network.userAgent);
  }

  /** Runs the audit with a progress line, writing the finished rows if the run is interrupted. */
  static AuditRun run(
      AuditRequest request, DisplayOptions display, InterruptGuard.Writer onInterrupt) {
    try (AuditSession session = AuditSession.open(request, display.progress())) {
      InterruptGuard guard =
          InterruptGuard.install(
              session::snapshot, onInterrupt, display.spec.commandLine().getErr());
      try {
        return session.run();
      } catch (RuntimeException | Error failure) {
        // A bug or an out-of-memory mid-run: write what had finished (the rest UNFINISHED), as an
        // interrupt would, then report the failure.
        if (!(failure instanceof dev.corsaudit.model.UserException)) {
          try {
            onInterrupt.write(session.snapshot());
          } catch (Exception | Error ignored) {
            failure.addSuppressed(ignored);
          }
        }
        throw failure;
      } finally {
        guard.disarm();
      }
    }
  }
}
