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
 * @param shard for a run of one shard of the rows ({@code --shard I/N}), which one; else null
 */
public record AuditRun(
    String toolVersion,
    Instant generatedAt,
    boolean replicas,
    List<AuditResult> results,
    List<Finding> findings,
    boolean securityProbed,
    ShardPart shard) {

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
    this(toolVersion, generatedAt, replicas, results, findings, securityProbed, null);
  }

  /** The same run with other results (same findings, stamp and shard). */
  public AuditRun withResults(List<AuditResult> newResults) {
    return new AuditRun(
        toolVersion, generatedAt, replicas, newResults, findings, securityProbed, shard);
  }

  public AuditRun(
      String toolVersion, Instant generatedAt, boolean replicas, List<AuditResult> results) {
    this(toolVersion, generatedAt, replicas, results, List.of(), false);
  }

  public RunSummary summary() {
    return RunSummary.of(results);
  }

  /** A CRITICAL or HIGH finding: one that fails the run whatever the rows say. */
  public boolean hasRunFailingFinding() {
    return findings.stream().anyMatch(f -> f.severity().failsRun());
  }

  /** True when some row was cut short by an interrupt. */
  public boolean interrupted() {
    return results.stream().anyMatch(r -> r.status() == RowStatus.UNFINISHED);
  }
}
