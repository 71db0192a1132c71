package dev.corsaudit.audit;

import java.time.Instant;
import java.util.List;

/**
 * Everything a report renders: the results in input order and when and by what they were made.
 *
 * @param replicas true when the run probed the built-in replicas instead of the real providers
 */
public record AuditRun(String toolVersion, Instant generatedAt, boolean replicas, List<AuditResult> results) {

  public AuditRun {
    results = List.copyOf(results);
  }
}
