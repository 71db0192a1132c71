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
 * The JSON report written while the run goes on: the head with the first row, each row as the audit
 * hands it on (in row order), the counts and findings when the run ends. Memory stays bounded by
 * the rows in flight, whatever the number of rows. Secrets are masked as in every other report.
 *
 * <p>The head goes out with the first row (or at the end, for a run without rows), not when the
 * stream opens: setting up the JSON mapper costs about 0.15 s of a cold JVM, which then overlaps
 * the first requests instead of delaying them. What is written is the same.
 */
public final class JsonRowStream implements RowSink, AutoCloseable {

  private final MaskingWriter masked;
  private final boolean replicas;
  private final boolean insecure;
  private JsonReportWriter writer;
  private boolean finished;
  private final java.util.List<Integer> positions = new java.util.ArrayList<>();

  /**
   * @param targets the run's rows, whose request headers and URLs name the secrets to mask
   */
  public JsonRowStream(
      Writer out, Collection<AuditTarget> targets, boolean replicas, RunNotes notes)
      throws IOException {
    this.masked = new MaskingWriter(out, SecretMask.ofTargets(targets).with(notes.secrets()));
    this.replicas = replicas;
    this.insecure = notes.insecure();
  }

  /** The writer, the document's head written when it is first needed. */
  private JsonReportWriter writer() throws IOException {
    if (writer == null) {
      writer = new JsonReportWriter(masked);
      writer.begin(
          new ReportDocument.Tool(ToolVersion.NAME, ToolVersion.version()), replicas, insecure);
    }
    return writer;
  }

  @Override
  public synchronized void row(AuditResult result) throws IOException {
    if (!finished) {
      writer().row(ReportModel.row(result));
      positions.add(result.target().seq());
    }
  }

  /** Closes the document with the run's counts and findings (its results are already out). */
  public synchronized void finish(AuditRun run, boolean complete) throws IOException {
    if (finished) {
      return;
    }
    finished = true;
    JsonReportWriter document = writer();
    document.end(
        run.generatedAt().toString(),
        complete && !run.interrupted(),
        ReportModel.summary(run.summary()),
        run.securityProbed(),
        run.findings().stream().map(ReportModel::finding).toList(),
        run.shard() == null
            ? null
            : new ReportDocument.ShardInfo(
                run.shard().shard().index(),
                run.shard().shard().count(),
                run.shard().plannedRows(),
                positions));
    document.close();
    masked.close();
  }

  @Override
  public void close() throws IOException {
    masked.flush();
  }
}
