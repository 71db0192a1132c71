package dev.corsaudit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corsaudit.result.ReportDocument;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a JSON report piece by piece, so rows can go out as they finish instead of the whole
 * document being built first: {@link #begin}, {@link #row} for each row in row order, then {@link
 * #end}. Key order: tool, schema_version, replicas, insecure, results, generated_at, complete,
 * summary, security_probed, findings. Each piece is the typed model's, serialised by the same
 * mapper that reads reports back ({@link ReportJson}).
 */
public final class JsonReportWriter implements AutoCloseable {

  private final JsonGenerator json;
  private final ObjectMapper mapper = ReportJson.MAPPER;

  public JsonReportWriter(Writer out) throws IOException {
    this.json = mapper.getFactory().createGenerator(out);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.useDefaultPrettyPrinter();
  }

  /**
   * Opens the document: what made it and how, then the results array. What is only known when the
   * run ends (when it finished, whether it was complete, the counts, the findings) follows the
   * rows, so rows can be written as they finish.
   */
  public void begin(ReportDocument.Tool tool, boolean replicas, boolean insecure)
      throws IOException {
    json.writeStartObject();
    json.writeFieldName("tool");
    mapper.writeValue(json, tool);
    json.writeNumberField("schema_version", ReportDocument.SCHEMA_VERSION);
    json.writeBooleanField("replicas", replicas);
    json.writeBooleanField("insecure", insecure);
    json.writeArrayFieldStart("results");
  }

  /** One row, in row order. */
  public void row(ReportDocument.Row row) throws IOException {
    mapper.writeValue(json, row);
    json.flush();
  }

  /** Closes the results and the document. */
  public void end(
      String generatedAt,
      boolean complete,
      ReportDocument.Summary summary,
      boolean securityProbed,
      List<ReportDocument.Finding> findings)
      throws IOException {
    json.writeEndArray();
    json.writeStringField("generated_at", generatedAt);
    json.writeBooleanField("complete", complete);
    json.writeFieldName("summary");
    mapper.writeValue(json, summary);
    json.writeBooleanField("security_probed", securityProbed);
    json.writeFieldName("findings");
    mapper.writeValue(json, findings);
    json.writeEndObject();
    json.writeRaw('\n');
    json.flush();
  }

  @Override
  public void close() throws IOException {
    json.close();
  }
}
