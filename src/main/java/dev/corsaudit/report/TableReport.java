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
        var c = result.confirmation();
        row.add(
            c == null
                ? ""
                : c.outcome()
                    + (Boolean.TRUE.equals(result.browserAgrees()) ? " (agrees)" : " (DISAGREES)"));
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
    text.append(wrap(summary(run), width, 2)).append("\n\n");
    int lastStart = 0;
    for (int i = 0; i < widths.length - 1; i++) {
      lastStart += widths[i] + 2;
    }
    // The last column wraps under itself; on a narrow terminal, under the row number instead.
    int hang = lastStart <= width - 20 ? lastStart : 3;
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      StringBuilder line = new StringBuilder();
      StringBuilder plain = new StringBuilder();
      for (int i = 0; i < row.length - 1; i++) {
        String padded = pad(row[i], widths[i]) + "  ";
        line.append(i == 5 && r > 0 ? paint(row[i], pad(row[i], widths[i])) + "  " : padded);
        plain.append(padded);
      }
      String last = row[row.length - 1];
      if (plain.length() + last.length() <= width) {
        text.append((line + last).stripTrailing()).append('\n');
      } else {
        // Keep the row's first line within the width: the last cell continues below it.
        String wrapped = wrap(" ".repeat(plain.length()) + last, width, hang);
        int room = Math.max(0, width - plain.length());
        if (plain.length() > width || room < 8) {
          text.append(line.toString().stripTrailing()).append('\n');
          text.append(wrap(" ".repeat(hang) + last, width, hang)).append('\n');
        } else {
          text.append(line).append(wrapped.substring(plain.length())).append('\n');
        }
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
      text.append('\n')
          .append(
              wrap(
                  ids.size()
                      + (ids.size() == 1 ? " row" : " rows")
                      + " skipped ("
                      + Escape.terminal(skipped.getKey())
                      + "): "
                      + Escape.terminal(String.join(", ", ids))
                      + "; --show-skipped lists them",
                  width,
                  2))
          .append('\n');
    }
    n = 0;
    boolean header = false;
    for (AuditResult result : shownRows) {
      n++;
      if (result.verdict() == null) {
        continue;
      }
      List<Cause> shown = new ArrayList<>(result.verdict().causes());
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
                    3))
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
