package dev.corsaudit.report;

import dev.corsaudit.result.AuditResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The origin matrix, collapsed for people: consecutive rows of one provider and profile whose
 * origins all got the same answer (verdict, status, causes) read as one row listing the origins.
 */
final class RowGroups {

  /** One summary row: the first result stands for all, {@code origins} lists who it covers. */
  record Group(int firstNumber, AuditResult representative, List<String> origins) {
    boolean collapsed() {
      return origins.size() > 1;
    }
  }

  private RowGroups() {}

  static List<Group> of(List<AuditResult> results) {
    List<Group> groups = new ArrayList<>();
    int i = 0;
    while (i < results.size()) {
      AuditResult first = results.get(i);
      List<String> origins = new ArrayList<>(List.of(first.target().request().origin()));
      int j = i + 1;
      while (j < results.size() && sameRow(first, results.get(j))) {
        origins.add(results.get(j).target().request().origin());
        j++;
      }
      groups.add(new Group(i + 1, first, origins));
      i = j;
    }
    return groups;
  }

  private static boolean sameRow(AuditResult a, AuditResult b) {
    return RowView.id(a).equals(RowView.id(b))
        && a.target().profile().equals(b.target().profile())
        && RowView.verdict(a).equals(RowView.verdict(b))
        && RowView.status(a).equals(RowView.status(b))
        && causeCodes(a).equals(causeCodes(b));
  }

  private static List<String> causeCodes(AuditResult result) {
    return result.verdict() == null
        ? List.of()
        : result.verdict().causes().stream().map(c -> c.code() + ":" + c.detail()).toList();
  }
}
