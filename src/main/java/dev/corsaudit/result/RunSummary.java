package dev.corsaudit.result;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How many rows ended in each status: the one place verdicts are counted. */
public record RunSummary(int total, Map<RowStatus, Integer> counts) {

  public RunSummary {
    counts = Map.copyOf(counts);
  }

  public static RunSummary of(List<AuditResult> results) {
    Map<RowStatus, Integer> counts = new EnumMap<>(RowStatus.class);
    for (RowStatus status : RowStatus.values()) {
      counts.put(status, 0);
    }
    for (AuditResult result : results) {
      counts.merge(result.status(), 1, Integer::sum);
    }
    return new RunSummary(results.size(), counts);
  }

  public int count(RowStatus status) {
    return counts.getOrDefault(status, 0);
  }

  /** Rows that were graded (PASS, FAIL or ERROR). */
  public int graded() {
    return count(RowStatus.PASS) + count(RowStatus.FAIL) + count(RowStatus.ERROR);
  }

  /**
   * True when more than half of the graded rows are ERROR: the run says more about the runner's
   * network than about the providers, so it is labelled as such and does not become the baseline.
   */
  public boolean mostlyError() {
    return count(RowStatus.ERROR) * 2 > graded();
  }
}
