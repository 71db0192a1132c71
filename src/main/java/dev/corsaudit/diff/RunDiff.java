package dev.corsaudit.diff;

import dev.corsaudit.result.ReportDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares two reports row by row. Pure: it sees the typed report model, never files or the
 * network. A regression is a row that was PASS and is now FAIL; an ERROR row is only a NEW_ERROR,
 * since a network failure on the runner is not the provider breaking browsers.
 */
public final class RunDiff {

  private RunDiff() {}

  public static List<RowChange> compare(ReportDocument oldReport, ReportDocument newReport) {
    Map<RowKey, RowSnapshot> before = rows(oldReport);
    Map<RowKey, RowSnapshot> after = rows(newReport);
    List<RowChange> changes = new ArrayList<>();
    for (RowSnapshot now : after.values()) {
      RowSnapshot then = before.get(now.key());
      if (then == null) {
        changes.add(change(now.key(), now.name(), RowChange.Kind.ADDED, null, now));
        continue;
      }
      RowChange.Kind kind = kindOf(then, now);
      if (kind != null) {
        changes.add(change(now.key(), now.name(), kind, then, now));
      }
    }
    for (RowSnapshot then : before.values()) {
      if (!after.containsKey(then.key())) {
        changes.add(change(then.key(), then.name(), RowChange.Kind.REMOVED, then, null));
      }
    }
    changes.sort(Comparator.comparing(RowChange::kind));
    return changes;
  }

  public static boolean hasRegression(List<RowChange> changes) {
    return changes.stream().anyMatch(c -> c.kind() == RowChange.Kind.REGRESSION);
  }

  private static RowChange.Kind kindOf(RowSnapshot then, RowSnapshot now) {
    // An ERROR row is compared by the verdict it last had (carried forward in the baseline), so a
    // night without network between two FAILs is not a regression, and PASS → ERROR → FAIL is.
    String before = then.gradedVerdict();
    String after = now.verdict();
    boolean wasError = then.verdict().equals("ERROR");
    if (after.equals("ERROR")) {
      if (!wasError) {
        return RowChange.Kind.NEW_ERROR;
      }
    } else if (!before.equals(after)) {
      // ERROR→FAIL with no verdict known before counts too: the provider answered again, and what
      // it answered breaks browsers.
      if (after.equals("FAIL")) {
        return RowChange.Kind.REGRESSION;
      }
      if (after.equals("PASS")) {
        return RowChange.Kind.FIXED;
      }
    } else if (wasError) {
      return RowChange.Kind.RECOVERED;
    }
    if (!then.causes().equals(now.causes())) {
      return RowChange.Kind.CAUSES_CHANGED;
    }
    if (!then.corsHeaders().equals(now.corsHeaders())
        || !Objects.equals(then.status(), now.status())) {
      return RowChange.Kind.HEADERS_CHANGED;
    }
    return null;
  }

  private static RowChange change(
      RowKey key, String name, RowChange.Kind kind, RowSnapshot then, RowSnapshot now) {
    List<String> oldCauses = then == null ? List.of() : List.copyOf(then.causes());
    List<String> newCauses = now == null ? List.of() : List.copyOf(now.causes());
    List<String> oldHeaders = then == null ? List.of() : then.corsHeaders();
    List<String> newHeaders = now == null ? List.of() : now.corsHeaders();
    return new RowChange(
        key,
        name,
        kind,
        then == null ? null : then.verdict(),
        now == null ? null : now.verdict(),
        then == null ? null : then.status(),
        now == null ? null : now.status(),
        minus(newCauses, oldCauses),
        minus(oldCauses, newCauses),
        minus(newHeaders, oldHeaders),
        minus(oldHeaders, newHeaders),
        then == null || then.lastGraded() == null || !then.verdict().equals("ERROR")
            ? null
            : then.lastGraded().verdict() + " on " + then.lastGraded().date());
  }

  private static List<String> minus(List<String> a, List<String> b) {
    return a.stream().filter(x -> !b.contains(x)).toList();
  }

  private static Map<RowKey, RowSnapshot> rows(ReportDocument report) {
    Map<RowKey, RowSnapshot> rows = new LinkedHashMap<>();
    for (ReportDocument.Row row : report.results()) {
      RowSnapshot snapshot = RowSnapshot.of(row);
      rows.put(snapshot.key(), snapshot);
    }
    return rows;
  }
}
