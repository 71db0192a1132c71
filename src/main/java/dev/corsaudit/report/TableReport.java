package dev.corsaudit.report;

import dev.corsaudit.grade.Cause;
import dev.corsaudit.grade.CauseCode;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.Escape;
import dev.corsaudit.result.RowStatus;
import dev.corsaudit.result.RunSummary;
import dev.corsaudit.security.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusesource.jansi.Ansi;

/**
 * The terminal view: the counts first, one aligned row per graded result with a note line per
 * warning, skipped rows folded into one line, then causes and fixes, wrapped with a hanging indent
 * at the terminal's width.
 */
final class TableReport implements ReportRenderer {

  private final boolean color;
  private final RunNotes notes;
  private final TableLayout layout;

  TableReport(boolean color, RunNotes notes, TableLayout layout) {
    this.color = color;
    this.notes = notes;
    this.layout = layout;
  }

  TableReport(boolean color, RunNotes notes) {
    this(color, notes, TableLayout.DEFAULT);
  }

  TableReport(boolean color) {
    this(color, RunNotes.DEFAULT);
  }

  @Override
  public void render(AuditRun run, Writer out) throws IOException {
    int width = layout.effectiveWidth();
    boolean browser = run.results().stream().anyMatch(r -> r.confirmation() != null);
    List<AuditResult> shownRows = new ArrayList<>();
    Map<String, List<String>> folded = new LinkedHashMap<>();
    for (AuditResult result : run.results()) {
      if (result.status() == RowStatus.SKIPPED && !layout.showSkipped()) {
        folded
            .computeIfAbsent(String.valueOf(result.skipReason()), k -> new ArrayList<>())
            .add(RowView.id(result));
      } else {
        shownRows.add(result);
      }
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(
        browser
            ? new String[] {
              "#", "PROVIDER", "PROFILE", "ORIGIN", "STATUS", "VERDICT", "BROWSER", "CAUSE"
            }
            : new String[] {"#", "PROVIDER", "PROFILE", "ORIGIN", "STATUS", "VERDICT", "CAUSE"});
    int n = 0;
    for (AuditResult result : shownRows) {
      n++;
      Cause cause = RowView.firstCause(result);
      String why =
          result.verdict() == null ? result.skipReason() : cause == null ? "" : cause.code().name();
      if (result.lastGraded() != null) {
        why += " (" + RunLabels.lastGraded(result) + ")";
      }
      List<String> row =
          new ArrayList<>(
              List.of(
                  Integer.toString(n),
                  RowView.id(result),
                  result.target().profile(),
                  result.target().request().origin(),
                  RowView.status(result),
                  result.status().name()));
      if (browser) {
        row.add(RowView.browserCell(result));
      }
      row.add(why);
      // Cells can carry server text (error messages): nothing may reach the terminal raw.
      rows.add(row.stream().map(Escape::terminal).toArray(String[]::new));
    }
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder text = new StringBuilder();
    if (!notes.complete()) {
      text.append(wrap(RunNotes.INCOMPLETE_LINE, width, 0)).append("\n\n");
    }
    if (notes.insecure()) {
      text.append(wrap("WARNING: " + RunNotes.INSECURE_LINE, width, 9)).append("\n\n");
    }
    if (run.replicas()) {
      text.append(
          wrap(
              "Replica data (built-in loopback replicas of the providers, not a live audit)",
              width,
              0));
      text.append("\n\n");
    }
    text.append(wrap(summary(run), width, 2)).append('\n');
    String mostlyError = RunLabels.mostlyError(run);
    if (mostlyError != null) {
      text.append(wrap(mostlyError, width, 2)).append('\n');
    }
    text.append('\n');
    shrink(rows, widths, width, browser);
    int lastStart = 0;
    for (int i = 0; i < widths.length - 1; i++) {
      lastStart += widths[i] + 2;
    }
    // The last column wraps under itself when it has room, else it goes on its own line.
    int lastRoom = width - lastStart;
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      String last = row[row.length - 1];
      boolean ownLine = !last.isEmpty() && lastRoom < Math.min(last.length(), 20);
      List<List<String>> cells = new ArrayList<>();
      for (int i = 0; i < row.length - 1; i++) {
        cells.add(cellLines(row[i], widths[i]));
      }
      cells.add(ownLine ? List.of("") : cellLines(last, Math.max(1, lastRoom)));
      int height = cells.stream().mapToInt(List::size).max().orElse(1);
      for (int k = 0; k < height; k++) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
          List<String> cell = cells.get(i);
          String part = k < cell.size() ? cell.get(k) : "";
          String padded = i == row.length - 1 ? part : pad(part, widths[i]) + "  ";
          boolean verdict = i == 5 && r > 0 && k == 0;
          line.append(
              verdict ? paint(row[i], part) + " ".repeat(widths[i] - part.length() + 2) : padded);
        }
        text.append(line.toString().stripTrailing()).append('\n');
      }
      if (ownLine) {
        text.append(wrap("    " + last, width, 4)).append('\n');
      }
      if (r > 0) {
        AuditResult result = shownRows.get(r - 1);
        if (result.verdict() != null) {
          for (Cause warning : result.verdict().warnings()) {
            if (warning.code().engineSplit()) {
              continue; // listed with the causes below, as "(engines)"
            }
            text.append(
                    wrap(
                        "   note: "
                            + warning.code().name()
                            + ": "
                            + Escape.terminal(warning.message()),
                        width,
                        9))
                .append('\n');
          }
        }
      }
    }
    for (Map.Entry<String, List<String>> skipped : folded.entrySet()) {
      List<String> ids = skipped.getValue();
      List<String> distinct = ids.stream().distinct().toList();
      text.append('\n')
          .append(
              wrap(
                  ids.size()
                      + (ids.size() == 1 ? " row" : " rows")
                      + " skipped ("
                      + Escape.terminal(skipped.getKey())
                      + "): "
                      + Escape.terminal(String.join(", ", distinct))
                      + "; --show-skipped lists them",
                  width,
                  2))
          .append('\n');
    }
    n = 0;
    boolean header = false;
    // Numbered as the table is (skipped rows folded away).
    List<ErrorGroups.Group> groups = ErrorGroups.of(shownRows);
    for (ErrorGroups.Group group : groups) {
      text.append(header ? "" : "\n").append(wrap(group.headline(), width, 3)).append('\n');
      text.append(wrap("   fix: " + group.fix(), width, 8)).append('\n');
      header = true;
    }
    for (AuditResult result : shownRows) {
      n++;
      if (result.verdict() == null) {
        continue;
      }
      List<Cause> shown = new ArrayList<>(result.verdict().causes());
      shown.removeIf(c -> ErrorGroups.grouped(groups, c));
      // Engine splits matter even on a PASS: the row may fail in Firefox or per the spec.
      result.verdict().warnings().stream().filter(w -> w.code().engineSplit()).forEach(shown::add);
      if (shown.isEmpty()) {
        continue;
      }
      if (!header) {
        text.append('\n');
        header = true;
      }
      for (Cause cause : shown) {
        String label = cause.code().kind() == CauseCode.Kind.WARNING ? " (engines): " : ": ";
        text.append(
                wrap(
                    n
                        + ". "
                        + Escape.terminal(RowView.id(result))
                        + label
                        + Escape.terminal(cause.message()),
                    width,
                    Integer.toString(n).length() + 2))
            .append('\n');
        text.append(wrap("   fix: " + Escape.terminal(cause.fix()), width, 8)).append('\n');
      }
    }
    if (!run.findings().isEmpty()) {
      text.append("\nSecurity and policy findings:\n");
      for (Finding f : run.findings()) {
        String head =
            "  "
                + pad(f.severity().name(), 8)
                + "  "
                + Escape.terminal(f.providerId())
                + ": "
                + f.code()
                + " (origin "
                + Escape.terminal(f.origin())
                + ")";
        String wrappedHead = wrap(head, width, 12);
        if (color) {
          wrappedHead =
              "  "
                  + paint(f.severity().name(), pad(f.severity().name(), 8))
                  + wrappedHead.substring(10);
        }
        text.append(wrappedHead)
            .append('\n')
            .append(wrap("            " + Escape.terminal(f.message()), width, 12))
            .append('\n')
            .append(wrap("            fix: " + Escape.terminal(f.fix()), width, 17))
            .append('\n');
      }
    }
    out.write(text.toString());
  }

  /**
   * On a narrow terminal, the widest of PROVIDER, PROFILE and ORIGIN lose columns (their cells wrap
   * within the column) until the columns before the last leave room for a cause; a cause that still
   * does not fit goes on its own line.
   */
  private static void shrink(List<String[]> rows, int[] widths, int width, boolean browser) {
    // (column, narrowest) in the order they give way: the provider id (it wraps at its path)
    // first, the origin last, so the origin people typed stays readable.
    // {column, narrowest, room left for the cause}: the origin gives way only when the row
    // cannot fit at all (the cause then has its own line).
    int[][] order =
        browser
            ? new int[][] {{1, 16, 14}, {6, 12, 14}, {2, 13, 14}, {1, 12, 14}, {3, 14, 0}}
            : new int[][] {{1, 16, 14}, {2, 13, 14}, {1, 12, 14}, {3, 14, 0}};
    for (int[] step : order) {
      while (prefixWidth(widths) > width - step[2] && widths[step[0]] > step[1]) {
        widths[step[0]]--;
      }
    }
  }

  /** A cell broken into lines of at most {@code width}: after a space, '/' or '-' if it can. */
  static List<String> cellLines(String cell, int width) {
    List<String> lines = new ArrayList<>();
    String rest = cell;
    while (rest.length() > width) {
      int cut = -1;
      for (int i = Math.min(width, rest.length() - 1); i > width / 3; i--) {
        char c = rest.charAt(i - 1);
        if (c == ' ' || c == '/' || c == '-' || c == '_' || c == '.' || c == ':') {
          cut = i;
          break;
        }
      }
      if (cut < 0) {
        cut = width;
      }
      lines.add(rest.substring(0, cut).stripTrailing());
      rest = rest.substring(cut).stripLeading();
    }
    lines.add(rest);
    return lines;
  }

  private static int prefixWidth(int[] widths) {
    int total = 0;
    for (int i = 0; i < widths.length - 1; i++) {
      total += widths[i] + 2;
    }
    return total;
  }

  /**
   * Breaks a line at spaces so no line is wider than {@code width}; continuation lines start with
   * {@code indent} spaces (a hanging indent). A word longer than a line is cut.
   */
  static String wrap(String line, int width, int indent) {
    if (line.length() <= width) {
      return line;
    }
    StringBuilder out = new StringBuilder();
    String rest = line;
    boolean first = true;
    while (true) {
      String prefix = first ? "" : " ".repeat(indent);
      String body = first ? rest : rest.stripLeading();
      int room = width - prefix.length();
      if (body.length() <= room) {
        out.append(prefix).append(body);
        return out.toString();
      }
      int cut = body.lastIndexOf(' ', room);
      int leading = first ? body.length() - body.stripLeading().length() : 0;
      if (cut <= leading) {
        cut = room; // one word longer than the line
      }
      out.append(prefix).append(body, 0, cut).append('\n');
      // Trailing spaces of the cut line never count.
      int len = out.length() - 1;
      while (len > 0 && out.charAt(len - 1) == ' ') {
        out.deleteCharAt(--len);
      }
      rest = body.substring(cut);
      first = false;
    }
  }

  static String summary(AuditRun run) {
    RunSummary summary = run.summary();
    int pass = summary.count(RowStatus.PASS);
    int fail = summary.count(RowStatus.FAIL);
    int error = summary.count(RowStatus.ERROR);
    int skipped = summary.count(RowStatus.SKIPPED);
    int unfinished = summary.count(RowStatus.UNFINISHED);
    String line =
        run.results().size()
            + (run.results().size() == 1 ? " endpoint: " : " endpoints: ")
            + pass
            + " pass, "
            + fail
            + " fail, "
            + error
            + " error, "
            + skipped
            + " skipped"
            + (unfinished == 0 ? "" : ", " + unfinished + " unfinished");
    if (!run.findings().isEmpty()) {
      line +=
          "; "
              + run.findings().size()
              + (run.findings().size() == 1
                  ? " security/policy finding"
                  : " security/policy findings");
    }
    return line;
  }

  private String paint(String word, String padded) {
    if (!color) {
      return padded;
    }
    Ansi.Color c =
        switch (word) {
          case "PASS", "INFO", "LOW" -> Ansi.Color.GREEN;
          case "FAIL", "CRITICAL", "HIGH" -> Ansi.Color.RED;
          case "ERROR", "MEDIUM" -> Ansi.Color.YELLOW;
          default -> Ansi.Color.DEFAULT;
        };
    return Ansi.ansi().fg(c).bold().a(padded).reset().toString();
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}
