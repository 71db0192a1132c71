package dev.corsaudit.report;

import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.MaskingWriter;
import dev.corsaudit.result.SecretMask;
import java.io.IOException;
import java.io.Writer;

/**
 * Picks the renderer for a format. Every renderer's output has its URLs redacted ({@link
 * Redactor#redactUrlsIn}) and is masked by {@link SecretMask}.
 */
public final class Reports {
  private Reports() {}

  public static ReportRenderer renderer(ReportFormat format, boolean color) {
    return renderer(format, color, RunNotes.DEFAULT);
  }

  public static ReportRenderer renderer(ReportFormat format, boolean color, RunNotes notes) {
    ReportRenderer inner =
        switch (format) {
          case TABLE -> new TableReport(color, notes);
          case MARKDOWN -> new MarkdownReport(notes);
          case JSON -> new JsonReport(notes);
          case JUNIT -> new JunitReport(notes);
          case SARIF -> new SarifReport(notes);
        };
    return (run, out) -> masked(inner, run, out, notes);
  }

  private static void masked(ReportRenderer inner, AuditRun run, Writer out, RunNotes notes)
      throws IOException {
    // URLs quoted inside messages (the browsers' console lines name the request URL) lose their
    // userinfo and secret parameters too; then every secret value goes, wherever it is.
    MaskingWriter masked = new MaskingWriter(out, SecretMask.of(run).with(notes.secrets()));
    inner.render(run, masked);
    masked.close(); // emits the last line; does not close out
  }
}
