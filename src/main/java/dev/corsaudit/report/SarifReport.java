package dev.corsaudit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corsaudit.config.Provider;
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
 * cause, located at the provider's line of its providers file (else at the endpoint URL), with a
 * partial fingerprint per rule and row so code scanning tracks one alert across runs.
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
        location(
            r, result.target().provider(), Redactor.redactUrl(result.target().request().url()));
        fingerprint(r, cause.code().name(), rowKey(result));
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
      AuditResult first =
          run.results().stream()
              .filter(x -> x.target().provider().id().equals(finding.providerId()))
              .findFirst()
              .orElse(null);
      location(
          r,
          first == null ? null : first.target().provider(),
          first == null
              ? finding.providerId()
              : Redactor.redactUrl(first.target().request().url()));
      fingerprint(
          r,
          finding.code().name(),
          String.join("|", finding.providerId(), finding.origin(), finding.probe()));
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

  /**
   * The provider's entry in its providers file (file and line) when it came from one, so code
   * scanning shows the alert on that line; else the endpoint URL.
   */
  private static void location(ObjectNode result, Provider provider, String url) {
    ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
    if (provider != null && provider.file() != null && provider.line() > 0) {
      physical.putObject("artifactLocation").put("uri", provider.file().replace('\\', '/'));
      physical.putObject("region").put("startLine", provider.line());
    } else {
      physical.putObject("artifactLocation").put("uri", url);
    }
  }

  /**
   * A fingerprint that stays the same from run to run for the same rule on the same row, so code
   * scanning tracks one alert instead of opening a new one each night.
   */
  private static void fingerprint(ObjectNode result, String ruleId, String key) {
    result.putObject("partialFingerprints").put("corsAuditRow/v1", sha256(ruleId + "|" + key));
  }

  private static String rowKey(AuditResult result) {
    String path = result.target().provider().rowPath();
    return String.join(
        "|",
        result.target().provider().id(),
        path == null ? "" : path,
        path == null ? "" : result.target().request().method(),
        result.target().profile(),
        result.target().request().origin());
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest, 0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
