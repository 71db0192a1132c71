package dev.corsaudit.report;

import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.ReportDocument;
import java.io.IOException;
import java.io.Writer;

/**
 * The JSON contract (schema: src/main/resources/schema/cors-audit-report.schema.json), written
 * through {@link JsonReportWriter} one row at a time from the typed {@link ReportDocument} model.
 * Field order is fixed so that reports diff cleanly from one night to the next.
 */
final class JsonReport implements ReportRenderer {

  private final RunNotes notes;

  JsonReport(RunNotes notes) {
    this.notes = notes;
  }

  JsonReport() {
    this(RunNotes.DEFAULT);
  }

  @Override
  public void render(AuditRun run, Writer out) throws IOException {
    ReportDocument document = ReportModel.document(run);
    try (JsonReportWriter writer = new JsonReportWriter(out)) {
      writer.begin(document.tool(), document.replicas(), notes.insecure());
      for (ReportDocument.Row row : document.results()) {
        writer.row(row);
      }
      writer.end(
          document.generatedAt(),
          notes.complete() && !run.interrupted(),
          document.summary(),
          document.securityProbed(),
          document.findings());
    }
  }
}
