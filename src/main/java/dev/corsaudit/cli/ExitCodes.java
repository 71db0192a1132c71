package dev.corsaudit.cli;

import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.ReportDocument;
import dev.corsaudit.result.RowStatus;
import dev.corsaudit.result.RunSummary;

/**
 * What the exit code tells CI. A FAIL outranks an ERROR: a browser-visible breakage is the finding
 * a nightly job exists to catch, while a network error may be the runner's own network.
 */
public final class ExitCodes {
  /** Every audited row passed. */
  public static final int OK = 0;

  /** At least one row FAILed (a browser would block it). */
  public static final int FAIL = 1;

  /** Bad usage or bad input (unknown option, invalid providers.yaml, bad policy file). */
  public static final int USAGE = 2;

  /** At least one row could not be graded (network ERROR) and none FAILed. */
  public static final int ERROR = 3;

  /** A bug: an exception nobody anticipated (the message asks for --debug). */
  public static final int INTERNAL = 4;

  /**
   * Nothing was audited: every row was skipped (no replica under --replicas, every provider
   * replica_only or in a group left out of a live run). A run that checks nothing is not green.
   */
  public static final int NOTHING_AUDITED = 5;

  private ExitCodes() {}

  /**
   * The exit code a run calls for: every row skipped → 5, a FAIL row or a run-failing
   * (CRITICAL/HIGH) security finding → 1, else an ERROR row → 3, else 0.
   */
  public static int forRun(AuditRun run) {
    if (nothingAudited(run)) {
      return NOTHING_AUDITED;
    }
    return run.hasRunFailingFinding() ? FAIL : forSummary(run.summary());
  }

  /** The exit code a run's rows call for: any FAIL → 1, else any ERROR → 3, else 0. */
  public static int forSummary(RunSummary summary) {
    return forCounts(summary.count(RowStatus.FAIL), summary.count(RowStatus.ERROR));
  }

  /** The same rule for a report read back from JSON. */
  public static int forDocument(ReportDocument document) {
    ReportDocument.Summary rows = ReportDocument.Summary.of(document.results());
    if (rows.total() > 0 && rows.skipped() == rows.total()) {
      return NOTHING_AUDITED;
    }
    return forCounts(rows.fail(), rows.error());
  }

  /** True when the run planned rows but skipped every one of them. */
  public static boolean nothingAudited(AuditRun run) {
    RunSummary summary = run.summary();
    return summary.total() > 0 && summary.count(RowStatus.SKIPPED) == summary.total();
  }

  /** The one line that says why nothing was audited. */
  public static String nothingAuditedLine(AuditRun run) {
    // From the counts, not the rows: a streamed run keeps no rows.
    java.util.List<String> reasons = run.summary().skipReasons();
    String why =
        reasons.isEmpty()
            ? "each row's skip_reason says why"
            : String.join("; ", reasons.stream().limit(2).toList())
                + (reasons.size() > 2 ? "; …" : "");
    return "cors-audit: nothing was audited: all "
        + run.summary().total()
        + " rows were skipped ("
        + why
        + ")";
  }

  private static int forCounts(int fail, int error) {
    if (fail > 0) {
      return FAIL;
    }
    return error > 0 ? ERROR : OK;
  }
}
