package dev.corsaudit.report;

import dev.corsaudit.result.AuditRun;

/**
 * The one decision "may this run become the baseline?": whether {@code report} replaces latest.md
 * and latest.json, which the next run compares with. A run that must not (interrupted, and the
 * other rules the nightly job adds here, such as a run that is mostly ERROR) still gets its history
 * files, marked, but leaves latest.* to the last run that may.
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
    if (!notes.complete()) {
      return Decision.no("the run was interrupted, so only some rows were audited");
    }
    return Decision.yes();
  }
}
