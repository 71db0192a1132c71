package dev.corsaudit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corsaudit.result.ReportDocument;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a JSON report piece by piece, so rows can go out as they finish instead of the whole
 * document being built first: {@link #begin}, then {@link #summary} and the rows ({@link
 * #beginResults}, {@link #row} in row order, {@link #endResults}) in the order the caller has them,
 * then {@link #end}. Each piece is the typed model's, serialised by the same mapper that reads
 * reports back ({@link ReportJson}).
 */
public final class JsonReportWriter implements AutoCloseable {

  private final JsonGenerator json;
  private final ObjectMapper mapper = ReportJson.MAPPER;

  public JsonReportWriter(Writer out) throws IOException {
    this.json = mapper.getFactory().createGenerator(out);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.useDefaultPrettyPrinter();
  }

  public void begin(ReportDocument.Tool tool, String generatedAt, boolean replicas)
      throws IOException {
    json.writeStartObject();
    json.writeFieldName("tool");
    mapper.writeValue(json, tool);
    json.writeNumberField("schema_version", ReportDocument.SCHEMA_VERSION);
    json.writeStringField("generated_at", generatedAt);
    json.writeBooleanField("replicas", replicas);
  }

  /**
   * Right after {@link #begin}: whether the run accepted any TLS certificate (--insecure) and
   * whether it finished (false for an interrupted run, which never becomes a baseline).
   */
  public void notes(boolean insecure, boolean complete) throws IOException {
    json.writeBooleanField("insecure", insecure);
    json.writeBooleanField("complete", complete);
  }

  public void summary(ReportDocument.Summary summary) throws IOException {
    json.writeFieldName("summary");
    mapper.writeValue(json, summary);
  }

  public void beginResults() throws IOException {
    json.writeArrayFieldStart("results");
  }

  public void row(ReportDocument.Row row) throws IOException {
    mapper.writeValue(json, row);
  }

  public void endResults() throws IOException {
    json.writeEndArray();
  }

  public void end(boolean securityProbed, List<ReportDocument.Finding> findings)
      throws IOException {
    end(securityProbed, findings, null);
  }

  /** The end of a report, with the shard it covers when it is one shard's. */
  public void end(
      boolean securityProbed, List<ReportDocument.Finding> findings, ReportDocument.ShardInfo shard)
      throws IOException {
    json.writeBooleanField("security_probed", securityProbed);
    json.writeFieldName("findings");
    mapper.writeValue(json, findings);
    if (shard != null) {
      json.writeFieldName("shard");
      mapper.writeValue(json, shard);
    }
    json.writeEndObject();
    json.writeRaw('\n');
    json.flush();
  }

  @Override
  public void close() throws IOException {
    json.close();
  }
}
