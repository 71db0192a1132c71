package dev.corsaudit.report;

import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.RowStatus;
import dev.corsaudit.result.RunSummary;

/** The lines every human format prints about a whole night: mostly ERROR, last graded verdicts. */
public final class RunLabels {

  private RunLabels() {}

  /** The label of a run that is mostly ERROR, or null for any other run. */
  public static String mostlyError(AuditRun run) {
    RunSummary summary = run.summary();
    if (!summary.mostlyError()) {
      return null;
    }
    return "Mostly ERROR: "
        + summary.count(RowStatus.ERROR)
        + " of "
        + summary.graded()
        + " audited rows could not be graded (network errors), so this run says more about the"
        + " network it ran on than about the providers.";
  }

  /** "last graded PASS on DATE, ERROR tonight" for an ERROR row that carries one, else null. */
  public static String lastGraded(AuditResult result) {
    return result.lastGraded() == null ? null : result.lastGraded().label();
  }
}
