package dev.corsaudit.result;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How many rows ended in each status: the one place verdicts are counted.
 *
 * @param skipReasons the first {@link #SKIP_REASONS_KEPT} distinct skip reasons, in row order: what
 *     a run that audited nothing names as the why (a streamed run keeps no rows to ask)
 */
public record RunSummary(int total, Map<RowStatus, Integer> counts, List<String> skipReasons) {

  /** Enough to name two and say whether there are more. */
  public static final int SKIP_REASONS_KEPT = 3;

  public RunSummary {
    counts = Map.copyOf(counts);
    skipReasons = List.copyOf(skipReasons);
  }

  public RunSummary(int total, Map<RowStatus, Integer> counts) {
    this(total, counts, List.of());
  }

  /** Adds {@code reason} to {@code reasons} when it is new and there is room. */
  public static void keepSkipReason(List<String> reasons, String reason) {
    if (reason != null && reasons.size() < SKIP_REASONS_KEPT && !reasons.contains(reason)) {
      reasons.add(reason);
    }
  }

  public static RunSummary of(List<AuditResult> results) {
    Map<RowStatus, Integer> counts = new EnumMap<>(RowStatus.class);
    for (RowStatus status : RowStatus.values()) {
      counts.put(status, 0);
    }
    List<String> skipReasons = new ArrayList<>();
    for (AuditResult result : results) {
      counts.merge(result.status(), 1, Integer::sum);
      keepSkipReason(skipReasons, result.skipReason());
    }
    return new RunSummary(results.size(), counts, skipReasons);
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
