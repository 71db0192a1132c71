package dev.corsaudit.report;

import dev.corsaudit.grade.Cause;
import dev.corsaudit.grade.CauseCode;
import dev.corsaudit.result.AuditResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Network errors shared by several rows, said once: forty rows that could not resolve their host
 * are one line ("no host resolved: is the network up?") and the rows, not forty copies of the
 * advice.
 */
final class ErrorGroups {

  /** Rows with the same network-error cause code, at least {@link #MIN_ROWS} of them. */
  record Group(CauseCode code, String fix, List<Integer> rowNumbers) {

    /** The one summary line. */
    String headline() {
      String what =
          code == CauseCode.DNS
              ? "no host resolved: is the network up?"
              : code.name() + ": " + code.description();
      return rowNumbers.size() + " rows (" + numbers() + "): " + what;
    }

    private String numbers() {
      List<String> shown = new ArrayList<>();
      for (int i = 0; i < rowNumbers.size() && i < 12; i++) {
        shown.add("#" + rowNumbers.get(i));
      }
      return String.join(", ", shown) + (rowNumbers.size() > 12 ? ", …" : "");
    }
  }

  static final int MIN_ROWS = 2;

  private ErrorGroups() {}

  /** The groups of a run's rows (numbered from 1 in input order), in order of first appearance. */
  static List<Group> of(List<AuditResult> results) {
    Map<CauseCode, List<Integer>> rows = new LinkedHashMap<>();
    Map<CauseCode, String> fixes = new LinkedHashMap<>();
    int n = 0;
    for (AuditResult result : results) {
      n++;
      if (result.verdict() == null) {
        continue;
      }
      for (Cause cause : result.verdict().causes()) {
        if (cause.code().kind() == CauseCode.Kind.ERROR) {
          rows.computeIfAbsent(cause.code(), c -> new ArrayList<>()).add(n);
          fixes.putIfAbsent(cause.code(), cause.fix());
        }
      }
    }
    List<Group> groups = new ArrayList<>();
    rows.forEach(
        (code, numbers) -> {
          if (numbers.size() >= MIN_ROWS) {
            groups.add(new Group(code, fixes.get(code), numbers));
          }
        });
    return groups;
  }

  /** The groups as Markdown quotes, one per group (empty when no error is shared). */
  static String markdown(List<AuditResult> results) {
    StringBuilder md = new StringBuilder();
    for (Group group : of(results)) {
      md.append("> **").append(group.headline()).append("** Fix: ").append(group.fix());
      md.append("\n\n");
    }
    return md.toString();
  }

  /** True when the cause is said by a group's line instead of under its row. */
  static boolean grouped(List<Group> groups, Cause cause) {
    return groups.stream().anyMatch(g -> g.code() == cause.code());
  }
}
