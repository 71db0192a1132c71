package dev.corsaudit.diff;

import dev.corsaudit.result.LastGraded;
import dev.corsaudit.result.ReportDocument;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The parts of one report row that a diff compares: verdict, cause codes, preflight status and the
 * Access-Control-* / Vary header lines received.
 */
record RowSnapshot(
    RowKey key,
    String name,
    String verdict,
    Set<String> causes,
    String status,
    List<String> corsHeaders,
    LastGraded lastGraded) {

  /** The verdict to compare with: an ERROR row's last graded verdict when it carries one. */
  String gradedVerdict() {
    return verdict.equals("ERROR") && lastGraded != null ? lastGraded.verdict() : verdict;
  }

  static RowSnapshot of(ReportDocument.Row row) {
    RowKey key = RowKey.of(row);
    Set<String> causes = new LinkedHashSet<>();
    for (ReportDocument.Cause cause : row.causes()) {
      String code = text(cause.code());
      String detail = text(cause.detail());
      causes.add(detail.isEmpty() ? code : code + ":" + detail);
    }
    ReportDocument.Exchange preflight = row.preflight();
    String status;
    List<String> headers = new ArrayList<>();
    if (preflight == null) {
      status = "-";
    } else {
      if (preflight.error() != null) {
        status = preflight.error().kind() == null ? "ERROR" : preflight.error().kind();
      } else {
        status = preflight.status() == null ? "-" : preflight.status().toString();
      }
      for (List<String> pair : preflight.headers()) {
        String name = pair.isEmpty() ? "" : text(pair.get(0));
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("access-control-") || lower.equals("vary")) {
          headers.add(lower + ": " + (pair.size() > 1 ? text(pair.get(1)) : ""));
        }
      }
    }
    return new RowSnapshot(
        key, text(row.name()), text(row.verdict()), causes, status, headers, row.lastGraded());
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
