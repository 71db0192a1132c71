package dev.corsaudit.report;

import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.AuditTarget;
import dev.corsaudit.result.MaskingWriter;
import dev.corsaudit.result.RowSink;
import dev.corsaudit.result.SecretMask;
import java.io.IOException;
import java.io.Writer;
import java.util.Collection;

/**
 * A human report (table or Markdown) taken row by row while the run goes on and printed once it
 * ends: these formats head the page with the run's counts, so the rows wait in a {@link RowSpool}
 * (memory, then a temporary file) instead of the whole run staying in memory. Secrets are masked as
 * in every other report, from the targets' own values and the run's extra secrets.
 */
public final class SpooledReport implements RowSink, AutoCloseable {

  /** Prints the kept rows under the run's counts, in the format's layout. */
  private interface Printer {
    void print(AuditRun run, RunNotes notes, Writer out) throws IOException;
  }

  private final KeptRows rows;
  private final Printer printer;
  private final RunNotes notes;
  private final SecretMask mask;
  private boolean printed;

  private SpooledReport(KeptRows rows, Printer printer, RunNotes notes, SecretMask mask) {
    this.rows = rows;
    this.printer = printer;
    this.notes = notes;
    this.mask = mask;
  }

  /** Whether {@code format} is one this class spools (the table and Markdown). */
  public static boolean spools(ReportFormat format) {
    return format == ReportFormat.TABLE || format == ReportFormat.MARKDOWN;
  }

  /**
   * @param targets the run's rows, whose request headers and URLs name the secrets to mask
   */
  public static SpooledReport open(
      ReportFormat format,
      boolean color,
      RunNotes notes,
      TableLayout layout,
      Collection<AuditTarget> targets) {
    SecretMask mask = SecretMask.ofTargets(targets).with(notes.secrets());
    return switch (format) {
      case TABLE -> {
        TableReport table = new TableReport(color, notes, layout);
        TableRows kept = table.rows();
        yield new SpooledReport(
            kept, (run, runNotes, out) -> table.print(kept, run, runNotes, out), notes, mask);
      }
      case MARKDOWN -> {
        MarkdownReport markdown = new MarkdownReport(notes);
        MarkdownRows kept = new MarkdownRows();
        yield new SpooledReport(
            kept, (run, runNotes, out) -> markdown.print(kept, run, runNotes, out), notes, mask);
      }
      default -> throw new IllegalArgumentException(format + " is not spooled");
    };
  }

  @Override
  public synchronized void row(AuditResult result) {
    if (!printed) {
      rows.add(result);
    }
  }

  /** True once the report was printed: later rows and prints are ignored. */
  public synchronized boolean printed() {
    return printed;
  }

  /**
   * Prints the report, once: the run's counts, then the rows kept.
   *
   * @param complete false for an interrupted run (the report says so)
   */
  public synchronized void print(AuditRun run, boolean complete, Writer out) throws IOException {
    if (printed) {
      return;
    }
    printed = true;
    MaskingWriter masked = new MaskingWriter(out, mask);
    printer.print(run, complete ? notes : notes.incomplete(), masked);
    masked.close(); // emits the last line; does not close out
  }

  @Override
  public synchronized void close() throws IOException {
    rows.close();
  }
}
