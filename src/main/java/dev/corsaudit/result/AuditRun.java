package dev.corsaudit.result;

import dev.corsaudit.security.Finding;
import java.time.Instant;
import java.util.List;

/**
 * Everything a report renders: the results in input order, the security and policy findings, and
 * when and by what they were made.
 *
 * @param replicas true when the run probed the built-in replicas instead of the real providers
 * @param securityProbed true when hostile-origin probes ran (so "no findings" means something)
 * @param summary the rows per status; for a streamed run (rows written as they finished and not
 *     kept, so {@code results} is empty) the counts of the rows that were written
 */
public record AuditRun(
    String toolVersion,
    Instant generatedAt,
    boolean replicas,
    List<AuditResult> results,
    List<Finding> findings,
    boolean securityProbed,
    RunSummary summary) {

  public AuditRun {
    results = List.copyOf(results);
    findings = List.copyOf(findings);
  }

  public AuditRun(
      String toolVersion,
      Instant generatedAt,
      boolean replicas,
      List<AuditResult> results,
      List<Finding> findings,
      boolean securityProbed) {
    this(
        toolVersion,
        generatedAt,
        replicas,
        results,
        findings,
        securityProbed,
        RunSummary.of(results));
  }

  public AuditRun(
      String toolVersion, Instant generatedAt, boolean replicas, List<AuditResult> results) {
    this(toolVersion, generatedAt, replicas, results, List.of(), false);
  }

  /** A CRITICAL or HIGH finding: one that fails the run whatever the rows say. */
  public boolean hasRunFailingFinding() {
    return findings.stream().anyMatch(f -> f.severity().failsRun());
  }

  /** True when some row was cut short by an interrupt. */
  public boolean interrupted() {
    return summary.count(RowStatus.UNFINISHED) > 0;
  }
}
