package dev.corsaudit.report;

import dev.corsaudit.model.ToolVersion;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.AuditTarget;
import dev.corsaudit.result.MaskingWriter;
import dev.corsaudit.result.ReportDocument;
import dev.corsaudit.result.RowSink;
import dev.corsaudit.result.SecretMask;
import java.io.IOException;
import java.io.Writer;
import java.util.Collection;

/**
 * The JSON report written while the run goes on: the head when it opens, each row as the audit
 * hands it on (in row order), the counts and findings when the run ends. Memory stays bounded by
 * the rows in flight, whatever the number of rows. Secrets are masked as in every other report.
 */
public final class JsonRowStream implements RowSink, AutoCloseable {

  private final MaskingWriter masked;
  private final JsonReportWriter writer;
  private boolean finished;

  /**
   * @param targets the run's rows, whose request headers and URLs name the secrets to mask
   */
  public JsonRowStream(
      Writer out, Collection<AuditTarget> targets, boolean replicas, RunNotes notes)
      throws IOException {
    this.masked = new MaskingWriter(out, SecretMask.ofTargets(targets).with(notes.secrets()));
    this.writer = new JsonReportWriter(masked);
    writer.begin(
        new ReportDocument.Tool(ToolVersion.NAME, ToolVersion.version()),
        replicas,
        notes.insecure());
  }

  @Override
  public synchronized void row(AuditResult result) throws IOException {
    if (!finished) {
      writer.row(ReportModel.row(result));
    }
  }

  /** Closes the document with the run's counts and findings (its results are already out). */
  public synchronized void finish(AuditRun run, boolean complete) throws IOException {
    if (finished) {
      return;
    }
    finished = true;
    writer.end(
        run.generatedAt().toString(),
        complete && !run.interrupted(),
        ReportModel.summary(run.summary()),
        run.securityProbed(),
        run.findings().stream().map(ReportModel::finding).toList());
    writer.close();
    masked.close();
  }

  @Override
  public void close() throws IOException {
    masked.flush();
  }
}
