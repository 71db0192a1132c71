package dev.corsaudit.diff;

import java.util.List;

/**
 * How one row changed between two runs.
 *
 * @param oldVerdict null when the row is new
 * @param newVerdict null when the row was removed
 * @param lastGraded when the old row was ERROR: the verdict it last had and when ("FAIL on
 *     2026-11-23"), else null
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
    List<String> removedHeaders,
    String lastGraded) {

  /** Ordered by how much a nightly job cares. */
  public enum Kind {
    REGRESSION,
    NEW_ERROR,
    FIXED,
    /** ERROR in the previous run, now graded again with the verdict it last had. */
    RECOVERED,
    CAUSES_CHANGED,
    HEADERS_CHANGED,
    ADDED,
    REMOVED
  }
}
