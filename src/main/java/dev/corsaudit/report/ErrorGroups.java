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

  /**
   * Rows with the same network-error cause code, at least {@link #MIN_ROWS} of them.
   *
   * @param rows how many rows share it
   * @param firstRows the numbers of the first {@link #SHOWN} of them, which the line names
   */
  record Group(CauseCode code, String fix, int rows, List<Integer> firstRows) {

    /** The one summary line. */
    String headline() {
      String what =
          code == CauseCode.DNS
              ? "no host resolved: is the network up?"
              : code.name() + ": " + code.description();
      return rows + " rows (" + numbers() + "): " + what;
    }

    private String numbers() {
      List<String> shown = new ArrayList<>();
      for (int number : firstRows) {
        shown.add("#" + number);
      }
      return String.join(", ", shown) + (rows > firstRows.size() ? ", …" : "");
    }
  }

  static final int MIN_ROWS = 2;

  /** How many row numbers a group's line names. */
  static final int SHOWN = 12;

  /**
   * Counts the network-error causes of rows as they arrive, keeping only what the lines print (a
   * count and the first row numbers per code), so a run of any size is tallied in bounded memory.
   */
  static final class Tally {
    private final Map<CauseCode, Group> seen = new LinkedHashMap<>();

    void add(int rowNumber, AuditResult result) {
      if (result.verdict() == null) {
        return;
      }
      for (Cause cause : result.verdict().causes()) {
        if (cause.code().kind() == CauseCode.Kind.ERROR) {
          Group before = seen.get(cause.code());
          List<Integer> first = before == null ? new ArrayList<>() : before.firstRows();
          if (first.size() < SHOWN) {
            first.add(rowNumber);
          }
          String fix = before == null ? cause.fix() : before.fix();
          seen.put(
              cause.code(),
              new Group(cause.code(), fix, before == null ? 1 : before.rows() + 1, first));
        }
      }
    }

    /** The groups so far, in order of first appearance. */
    List<Group> groups() {
      List<Group> groups = new ArrayList<>();
      for (Group group : seen.values()) {
        if (group.rows() >= MIN_ROWS) {
          groups.add(
              new Group(group.code(), group.fix(), group.rows(), List.copyOf(group.firstRows())));
        }
      }
      return groups;
    }
  }

  private ErrorGroups() {}

  /** The groups of a run's rows (numbered from 1 in input order), in order of first appearance. */
  static List<Group> of(List<AuditResult> results) {
    Tally tally = new Tally();
    int n = 0;
    for (AuditResult result : results) {
      tally.add(++n, result);
    }
    return tally.groups();
  }

  /** The groups as Markdown quotes, one per group (empty when no error is shared). */
  static String markdown(List<Group> groups) {
    StringBuilder md = new StringBuilder();
    for (Group group : groups) {
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
