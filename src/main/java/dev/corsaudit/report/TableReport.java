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
import java.util.List;
import org.fusesource.jansi.Ansi;

/** The terminal view: one aligned row per result, causes and fixes below, then a summary line. */
final class TableReport implements ReportRenderer {

  private final boolean color;
  private final RunNotes notes;

  TableReport(boolean color, RunNotes notes) {
    this.color = color;
    this.notes = notes;
  }

  TableReport(boolean color) {
    this(color, RunNotes.DEFAULT);
  }

  @Override
  public void render(AuditRun run, Writer out) throws IOException {
    boolean browser = run.results().stream().anyMatch(r -> r.confirmation() != null);
    List<String[]> rows = new ArrayList<>();
    rows.add(
        browser
            ? new String[] {
              "#", "PROVIDER", "PROFILE", "ORIGIN", "STATUS", "VERDICT", "BROWSER", "CAUSE"
            }
            : new String[] {"#", "PROVIDER", "PROFILE", "ORIGIN", "STATUS", "VERDICT", "CAUSE"});
    int n = 0;
    for (AuditResult result : run.results()) {
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
      text.append(RunNotes.INCOMPLETE_LINE).append("\n\n");
    }
    if (notes.insecure()) {
      text.append("WARNING: ").append(RunNotes.INSECURE_LINE).append("\n\n");
    }
    if (run.replicas()) {
      text.append(
          "Replica data (built-in loopback replicas of the providers, not a live audit)\n\n");
    }
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        String padded = i == row.length - 1 ? row[i] : pad(row[i], widths[i]);
        line.append(i == 5 && r > 0 ? paint(row[i], padded) : padded);
        if (i < row.length - 1) {
          line.append("  ");
        }
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    n = 0;
    boolean header = false;
    for (AuditResult result : run.results()) {
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
        text.append(n)
            .append(". ")
            .append(Escape.terminal(RowView.id(result)))
            .append(label)
            .append(Escape.terminal(cause.message()))
            .append('\n');
        text.append("   fix: ").append(Escape.terminal(cause.fix())).append('\n');
      }
    }
    if (!run.findings().isEmpty()) {
      text.append("\nSecurity and policy findings:\n");
      for (Finding f : run.findings()) {
        text.append("  ")
            .append(paint(f.severity().name(), pad(f.severity().name(), 8)))
            .append("  ")
            .append(Escape.terminal(f.providerId()))
            .append(": ")
            .append(f.code())
            .append(" (origin ")
            .append(Escape.terminal(f.origin()))
            .append(")\n")
            .append("            ")
            .append(Escape.terminal(f.message()))
            .append("\n            fix: ")
            .append(Escape.terminal(f.fix()))
            .append('\n');
      }
    }
    text.append('\n').append(summary(run)).append('\n');
    out.write(text.toString());
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
            + " endpoints: "
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
      line += "; " + run.findings().size() + " security/policy findings";
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
