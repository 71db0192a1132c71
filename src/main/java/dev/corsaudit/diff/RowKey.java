package dev.corsaudit.diff;

import dev.corsaudit.result.AuditTarget;
import dev.corsaudit.result.ReportDocument;

/**
 * What identifies one report row across runs: provider × path × method × profile × origin. A
 * provider audited on one path has null path and method, so its rows keep the key (id, profile,
 * origin) they had before providers could list several paths, and existing baselines do not churn.
 */
public record RowKey(String id, String path, String method, String profile, String origin) {

  /** The key of a row of a provider with one path. */
  public RowKey(String id, String profile, String origin) {
    this(id, null, null, profile, origin);
  }

  /** The key of a planned row. */
  public static RowKey of(AuditTarget target) {
    String path = target.provider().rowPath();
    return new RowKey(
        target.provider().id(),
        path,
        path == null ? null : target.request().method(),
        target.profile(),
        target.request().origin());
  }

  /**
   * The key of a report row. Path and method are part of it only when the row names its path (rows
   * of providers with several paths do; others leave it out).
   */
  public static RowKey of(ReportDocument.Row row) {
    boolean keyed = row.path() != null;
    return new RowKey(
        text(row.id()),
        keyed ? row.path() : null,
        keyed ? text(row.method()) : null,
        text(row.profile()),
        text(row.origin()));
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  @Override
  public String toString() {
    String where = path == null ? "" : " " + method + " " + path;
    return id + where + " (" + profile + " @ " + origin + ")";
  }
}
