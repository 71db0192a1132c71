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
 * @param shard for a run of one shard of the rows ({@code --shard I/N}), which one; else null
 */
public record AuditRun(
    String toolVersion,
    Instant generatedAt,
    boolean replicas,
    List<AuditResult> results,
    List<Finding> findings,
    boolean securityProbed,
    RunSummary summary,
    ShardPart shard) {

  public AuditRun {
    results = List.copyOf(results);
    findings = List.copyOf(findings);
  }

  /** An unsharded run. */
  public AuditRun(
      String toolVersion,
      Instant generatedAt,
      boolean replicas,
      List<AuditResult> results,
      List<Finding> findings,
      boolean securityProbed,
      RunSummary summary) {
    this(toolVersion, generatedAt, replicas, results, findings, securityProbed, summary, null);
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

  /** The same run with other results of the same statuses (same findings, stamp and shard). */
  public AuditRun withResults(List<AuditResult> newResults) {
    return new AuditRun(
        toolVersion, generatedAt, replicas, newResults, findings, securityProbed, summary, shard);
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
