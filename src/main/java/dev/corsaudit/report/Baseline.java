package dev.corsaudit.report;

import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.RowStatus;
import dev.corsaudit.result.RunSummary;

/**
 * The one decision "may this run become the baseline?": whether {@code report} replaces latest.md,
 * latest.json and index.html, which the next run compares with and people read. A run that must not
 * (interrupted, nothing audited, mostly ERROR) still gets its history files, marked when
 * interrupted, but leaves latest.* to the last run that may.
 */
public final class Baseline {

  /** The answer, and why not when it is no (a line for the user). */
  public record Decision(boolean allowed, String reason) {
    static Decision yes() {
      return new Decision(true, null);
    }

    static Decision no(String reason) {
      return new Decision(false, reason);
    }
  }

  private Baseline() {}

  public static Decision decide(AuditRun run, RunNotes notes) {
    if (!notes.complete() || run.interrupted()) {
      return Decision.no("the run was interrupted, so only some rows were audited");
    }
    RunSummary summary = run.summary();
    if (summary.graded() == 0) {
      return Decision.no("nothing was audited (every row was skipped)");
    }
    if (summary.mostlyError()) {
      return Decision.no(
          "most rows are ERROR ("
              + summary.count(RowStatus.ERROR)
              + " of "
              + summary.graded()
              + " audited rows): the network the run had says more than the providers do");
    }
    return Decision.yes();
  }
}
