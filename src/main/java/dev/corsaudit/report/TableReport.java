package dev.corsaudit.report;

import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.Escape;
import dev.corsaudit.result.RowStatus;
import dev.corsaudit.result.RunSummary;
import dev.corsaudit.security.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
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
    try (TableRows rows = rows()) {
      for (AuditResult result : run.results()) {
        rows.add(result);
      }
      print(rows, run, notes, out);
    }
  }

  /** The rows of a run to come, fed one at a time and printed by {@link #print}. */
  TableRows rows() {
    return new TableRows(layout.showSkipped());
  }

  /** The whole table: the counts first, then the rows kept, causes, findings. */
  void print(TableRows rows, AuditRun run, RunNotes runNotes, Writer out) throws IOException {
    int width = layout.effectiveWidth();
    boolean browser = rows.browser();
    int[] widths = columns(rows.widths(), browser);
    if (!runNotes.complete()) {
      out.write(wrap(RunNotes.INCOMPLETE_LINE, width, 0) + "\n\n");
    }
    if (runNotes.insecure()) {
      out.write(wrap("WARNING: " + RunNotes.INSECURE_LINE, width, 9) + "\n\n");
    }
    if (run.replicas()) {
      out.write(
          wrap(
                  "Replica data (built-in loopback replicas of the providers, not a live audit)",
                  width,
                  0)
              + "\n\n");
    }
    out.write(wrap(summary(run), width, 2) + "\n");
    String mostlyError = RunLabels.mostlyError(run);
    if (mostlyError != null) {
      out.write(wrap(mostlyError, width, 2) + "\n");
    }
    out.write("\n");
    shrink(widths, width, browser);
    printRow(columns(TableRows.HEADER, browser), false, widths, width, out);
    rows.forEach(
        row -> {
          printRow(columns(row.cells(), browser), true, widths, width, out);
          for (String note : row.notes()) {
            out.write(wrap(note, width, 9) + "\n");
          }
        });
    for (Map.Entry<String, TableRows.Folded> skipped : rows.folded().entrySet()) {
      TableRows.Folded fold = skipped.getValue();
      out.write(
          "\n"
              + wrap(
                  fold.rows()
                      + (fold.rows() == 1 ? " row" : " rows")
                      + " skipped ("
                      + Escape.terminal(skipped.getKey())
                      + "): "
                      + Escape.terminal(String.join(", ", fold.ids()))
                      + "; --show-skipped lists them",
                  width,
                  2)
              + "\n");
    }
    boolean[] header = {false};
    // Numbered as the table is (skipped rows folded away).
    List<ErrorGroups.Group> groups = rows.errorGroups();
    for (ErrorGroups.Group group : groups) {
      out.write((header[0] ? "" : "\n") + wrap(group.headline(), width, 3) + "\n");
      out.write(wrap("   fix: " + group.fix(), width, 8) + "\n");
      header[0] = true;
    }
    rows.forEach(
        row -> {
          for (TableRows.CauseLine cause : row.causes()) {
            if (groups.stream().anyMatch(g -> g.code() == cause.code())) {
              continue;
            }
            if (!header[0]) {
              out.write("\n");
              header[0] = true;
            }
            int indent = row.cells()[0].length() + 2;
            out.write(wrap(cause.text(), width, indent) + "\n");
            out.write(wrap(cause.fix(), width, 8) + "\n");
          }
        });
    printFindings(run.findings(), width, out);
  }

  /** The columns shown: all of them, or all but BROWSER when no row was replayed in a browser. */
  private static String[] columns(String[] cells, boolean browser) {
    if (browser) {
      return cells;
    }
    List<String> shown = new ArrayList<>(List.of(cells));
    shown.remove(TableRows.BROWSER_COLUMN);
    return shown.toArray(String[]::new);
  }

  private static int[] columns(int[] widths, boolean browser) {
    if (browser) {
      return widths;
    }
    int[] shown = new int[widths.length - 1];
    for (int i = 0, j = 0; i < widths.length; i++) {
      if (i != TableRows.BROWSER_COLUMN) {
        shown[j++] = widths[i];
      }
    }
    return shown;
  }

  /** One row, its cells wrapped within their columns; the last wraps under itself or goes below. */
  private void printRow(String[] row, boolean body, int[] widths, int width, Writer out)
      throws IOException {
    int lastStart = 0;
    for (int i = 0; i < widths.length - 1; i++) {
      lastStart += widths[i] + 2;
    }
    int lastRoom = width - lastStart;
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
        boolean verdict = i == 5 && body && k == 0;
        line.append(
            verdict ? paint(row[i], part) + " ".repeat(widths[i] - part.length() + 2) : padded);
      }
      out.write(line.toString().stripTrailing() + "\n");
    }
    if (ownLine) {
      out.write(wrap("    " + last, width, 4) + "\n");
    }
  }

  private void printFindings(List<Finding> findings, int width, Writer out) throws IOException {
    if (findings.isEmpty()) {
      return;
    }
    out.write("\nSecurity and policy findings:\n");
    for (Finding f : findings) {
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
      out.write(wrappedHead + "\n");
      out.write(wrap("            " + Escape.terminal(f.message()), width, 12) + "\n");
      out.write(wrap("            fix: " + Escape.terminal(f.fix()), width, 17) + "\n");
    }
  }

  /**
   * On a narrow terminal, the widest of PROVIDER, PROFILE and ORIGIN lose columns (their cells wrap
   * within the column) until the columns before the last leave room for a cause; a cause that still
   * does not fit goes on its own line.
   */
  private static void shrink(int[] widths, int width, boolean browser) {
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
        summary.total()
            + (summary.total() == 1 ? " endpoint: " : " endpoints: ")
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
