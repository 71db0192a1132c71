package dev.corsaudit.result;

import dev.corsaudit.browser.BrowserConfirmation;
import dev.corsaudit.security.Finding;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a report renders: the results in input order, the security and policy findings, and
 * when and by what they were made.
 *
 * @param replicas true when the run probed the built-in replicas instead of the real providers
 * @param securityProbed true when hostile-origin probes ran (so "no findings" means something)
 * @param confirmations what a real browser did, by result position, when --browser was given
 */
public record AuditRun(
    String toolVersion,
    Instant generatedAt,
    boolean replicas,
    List<AuditResult> results,
    List<Finding> findings,
    boolean securityProbed,
    Map<Integer, BrowserConfirmation> confirmations) {

  public AuditRun {
    results = List.copyOf(results);
    findings = List.copyOf(findings);
    confirmations = Map.copyOf(confirmations);
  }

  public AuditRun(
      String toolVersion,
      Instant generatedAt,
      boolean replicas,
      List<AuditResult> results,
      List<Finding> findings,
      boolean securityProbed) {
    this(toolVersion, generatedAt, replicas, results, findings, securityProbed, Map.of());
  }

  public AuditRun(
      String toolVersion, Instant generatedAt, boolean replicas, List<AuditResult> results) {
    this(toolVersion, generatedAt, replicas, results, List.of(), false, Map.of());
  }

  public AuditRun withConfirmations(Map<Integer, BrowserConfirmation> byPosition) {
    return new AuditRun(
        toolVersion, generatedAt, replicas, results, findings, securityProbed, byPosition);
  }
}
