package dev.corsaudit.diff;

import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.LastGraded;
import dev.corsaudit.result.ReportDocument;
import dev.corsaudit.result.RowStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries each ERROR row's last graded verdict forward from the baseline: a row that was PASS or
 * FAIL in the baseline keeps that verdict and its date; a row that was already ERROR keeps what the
 * baseline carried. The diff compares with the carried verdict, so PASS → ERROR → FAIL is a
 * regression and FAIL → ERROR → FAIL is not.
 */
public final class CarryForward {

  private CarryForward() {}

  /**
   * The run with last graded verdicts on its ERROR rows; the run itself when there is no baseline.
   */
  public static AuditRun apply(ReportDocument baseline, AuditRun run) {
    if (baseline == null) {
      return run;
    }
    Map<RowKey, LastGraded> known = new HashMap<>();
    for (ReportDocument.Row row : baseline.results()) {
      LastGraded carried = lastGraded(row, baseline.generatedAt());
      if (carried != null) {
        known.put(RowKey.of(row), carried);
      }
    }
    List<AuditResult> results =
        run.results().stream()
            .map(
                r ->
                    r.status() == RowStatus.ERROR
                        ? r.withLastGraded(known.get(RowKey.of(r.target())))
                        : r)
            .toList();
    return run.withResults(results);
  }

  /** What a baseline row says its last graded verdict was, or null when it was never graded. */
  static LastGraded lastGraded(ReportDocument.Row row, String generatedAt) {
    String verdict = row.verdict();
    if ("PASS".equals(verdict) || "FAIL".equals(verdict)) {
      return new LastGraded(verdict, generatedAt);
    }
    if ("ERROR".equals(verdict)) {
      return row.lastGraded();
    }
    return null;
  }
}
