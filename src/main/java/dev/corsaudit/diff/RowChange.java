package dev.corsaudit.diff;

import java.util.List;

/**
 * How one row changed between two runs.
 *
 * @param oldVerdict null when the row is new
 * @param newVerdict null when the row was removed
 */
public record RowChange(
    RowKey key,
    String name,
    Kind kind,
    String oldVerdict,
    String newVerdict,
    String oldStatus,
    String newStatus,
    List<String> addedCauses,
    List<String> removedCauses,
    List<String> addedHeaders,
    List<String> removedHeaders) {

  /** Ordered by how much a nightly job cares. */
  public enum Kind {
    REGRESSION,
    NEW_ERROR,
    FIXED,
    CAUSES_CHANGED,
    HEADERS_CHANGED,
    ADDED,
    REMOVED
  }
}
