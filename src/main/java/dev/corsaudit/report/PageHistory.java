package dev.corsaudit.report;

import dev.corsaudit.result.ReportDocument;
import java.util.List;

/** What the compatibility page reads from the reports: row keys, cell states and their history. */
final class PageHistory {

  private PageHistory() {}

  /** The verdict an engine gave a row, or the row's status when it was not graded. */
  static String engineVerdict(ReportDocument.Row row, String engine) {
    ReportDocument.Engine verdict = row.engines().get(engine);
    return verdict == null || verdict.verdict() == null ? row.verdict() : verdict.verdict();
  }

  /** What a cell shows: the row's status and each engine's verdict. */
  static String signature(ReportDocument.Row row) {
    StringBuilder s = new StringBuilder(row.verdict());
    for (String[] engine : CompatibilityPage.ENGINES) {
      s.append(' ').append(engineVerdict(row, engine[0]));
    }
    return s.toString();
  }

  /** The date of the night the cell last showed something else (or its first night). */
  static String lastChange(ReportDocument.Row row, List<CompatibilityPage.Night> nights) {
    String key = rowKey(row);
    String current = signature(row);
    String since = null;
    String previous = null;
    for (CompatibilityPage.Night night : nights) {
      ReportDocument.Row then = find(night.report(), key);
      if (then == null) {
        continue;
      }
      String signature = signature(then);
      if (!signature.equals(previous)) {
        since = night.date();
        previous = signature;
      }
    }
    return current.equals(previous) && since != null ? since : nights.get(nights.size() - 1).date();
  }

  static ReportDocument.Row find(ReportDocument report, String key) {
    for (ReportDocument.Row row : report.results()) {
      if (rowKey(row).equals(key)) {
        return row;
      }
    }
    return null;
  }

  static String providerStatus(ReportDocument report, String key) {
    boolean any = false;
    boolean error = false;
    boolean pass = false;
    for (ReportDocument.Row row : report.results()) {
      if (!providerKey(row).equals(key)) {
        continue;
      }
      any = true;
      switch (row.verdict()) {
        case "FAIL" -> {
          return "FAIL";
        }
        case "ERROR" -> error = true;
        case "PASS" -> pass = true;
        default -> {}
      }
    }
    if (!any) {
      return "NONE";
    }
    return error ? "ERROR" : pass ? "PASS" : "SKIPPED";
  }

  /** A provider (and path, for providers audited on several): one matrix row. */
  static String providerKey(ReportDocument.Row row) {
    return row.path() == null ? row.id() : row.id() + " " + row.method() + " " + row.path();
  }

  /** The row key as the diff defines it (id, path, method, profile, origin), as one string. */
  static String rowKey(ReportDocument.Row row) {
    return String.join(
        "|",
        row.id(),
        row.path() == null ? "" : row.path(),
        row.path() == null ? "" : row.method(),
        row.profile(),
        row.origin());
  }
}
