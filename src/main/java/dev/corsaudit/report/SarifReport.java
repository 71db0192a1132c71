package dev.corsaudit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corsaudit.grade.Cause;
import dev.corsaudit.model.ToolVersion;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.Escape;
import dev.corsaudit.result.Redactor;
import dev.corsaudit.security.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for code-scanning dashboards: one rule per cause or finding code, one result per
 * cause, located at the endpoint URL (there is no source file to point at).
 */
final class SarifReport implements ReportRenderer {

  private final RunNotes notes;

  SarifReport(RunNotes notes) {
    this.notes = notes;
  }

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final ObjectMapper MAPPER =
      new ObjectMapper(
              new com.fasterxml.jackson.core.JsonFactory()
                  .setCharacterEscapes(Escape.jsonEscapes()))
          .enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public void render(AuditRun run, Writer out) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode sarifRun = root.putArray("runs").addObject();
    ObjectNode driver = sarifRun.putObject("tool").putObject("driver");
    driver.put("name", ToolVersion.NAME);
    driver.put("version", run.toolVersion());
    driver.put("informationUri", "https://github.com/cors-audit/cors-audit");
    Map<String, String> rules = new LinkedHashMap<>();
    ArrayNode results = MAPPER.createArrayNode();
    for (AuditResult result : run.results()) {
      if (result.verdict() == null) {
        continue;
      }
      List<Cause> reported = new java.util.ArrayList<>(result.verdict().causes());
      result.verdict().warnings().stream()
          .filter(w -> w.code().engineSplit())
          .forEach(reported::add);
      for (Cause cause : reported) {
        rules.putIfAbsent(cause.code().name(), cause.code().title());
        ObjectNode r = results.addObject();
        r.put("ruleId", cause.code().name());
        r.put(
            "level",
            switch (cause.code().kind()) {
              case ERROR -> "warning";
              case WARNING -> "note";
              case FAIL -> "error";
            });
        r.putObject("message")
            .put(
                "text",
                result.target().provider().name()
                    + " ("
                    + result.target().profile()
                    + " @ "
                    + result.target().request().origin()
                    + "): "
                    + cause.message()
                    + ". Fix: "
                    + cause.fix());
        location(r, Redactor.redactUrl(result.target().request().url()));
        r.putObject("properties").put("verdict", result.verdict().outcome().name());
      }
    }
    for (Finding finding : run.findings()) {
      rules.putIfAbsent(
          finding.code().name(), "CORS security or policy finding (" + finding.code() + ")");
      ObjectNode r = results.addObject();
      r.put("ruleId", finding.code().name());
      r.put("level", finding.severity().failsRun() ? "error" : "warning");
      r.putObject("message")
          .put("text", finding.providerId() + ": " + finding.message() + ". Fix: " + finding.fix());
      location(
          r,
          run.results().stream()
              .filter(x -> x.target().provider().id().equals(finding.providerId()))
              .map(x -> Redactor.redactUrl(x.target().request().url()))
              .findFirst()
              .orElse(finding.providerId()));
      r.putObject("properties").put("severity", finding.severity().name());
    }
    ArrayNode ruleArray = driver.putArray("rules");
    rules.forEach(
        (id, text) -> {
          ObjectNode rule = ruleArray.addObject();
          rule.put("id", id);
          rule.putObject("shortDescription").put("text", text);
        });
    sarifRun.set("results", results);
    if (notes.insecure() || !notes.complete()) {
      ObjectNode properties = sarifRun.putObject("properties");
      properties.put("insecure", notes.insecure());
      properties.put("complete", notes.complete());
    }
    out.write(MAPPER.writeValueAsString(root));
    out.write('\n');
  }

  private static void location(ObjectNode result, String url) {
    result
        .putArray("locations")
        .addObject()
        .putObject("physicalLocation")
        .putObject("artifactLocation")
        .put("uri", url);
  }
}
