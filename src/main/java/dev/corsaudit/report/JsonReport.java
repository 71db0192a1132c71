package dev.corsaudit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corsaudit.ToolVersion;
import dev.corsaudit.config.Provider;
import dev.corsaudit.grade.Cause;
import dev.corsaudit.grade.Engine;
import dev.corsaudit.grade.EngineVerdict;
import dev.corsaudit.grade.Verdict;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.RecordedResponse;
import dev.corsaudit.model.SentRequest;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.AuditTarget;
import dev.corsaudit.security.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The JSON contract (schema: src/main/resources/schema/cors-audit-report.schema.json). Field order
 * is fixed so that reports diff cleanly from one night to the next.
 */
final class JsonReport implements ReportRenderer {

  static final int SCHEMA_VERSION = 1;
  private static final ObjectMapper MAPPER =
      new ObjectMapper(
              new com.fasterxml.jackson.core.JsonFactory()
                  .setCharacterEscapes(Escape.jsonEscapes()))
          .enable(SerializationFeature.INDENT_OUTPUT);

  private final RunNotes notes;

  JsonReport(RunNotes notes) {
    this.notes = notes;
  }

  JsonReport() {
    this(RunNotes.DEFAULT);
  }

  @Override
  public void render(AuditRun run, Writer out) throws IOException {
    out.write(MAPPER.writeValueAsString(toJson(run, notes)));
    out.write('\n');
  }

  static ObjectNode toJson(AuditRun run) {
    return toJson(run, RunNotes.DEFAULT);
  }

  static ObjectNode toJson(AuditRun run, RunNotes notes) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode tool = root.putObject("tool");
    tool.put("name", ToolVersion.NAME);
    tool.put("version", run.toolVersion());
    root.put("schema_version", SCHEMA_VERSION);
    root.put("generated_at", run.generatedAt().toString());
    root.put("replicas", run.replicas());
    root.put("insecure", notes.insecure());
    root.put("complete", notes.complete());
    ObjectNode summary = root.putObject("summary");
    summary.put("total", run.results().size());
    for (String verdict : List.of("PASS", "FAIL", "ERROR", "SKIPPED")) {
      summary.put(
          verdict.toLowerCase(java.util.Locale.ROOT),
          run.results().stream().filter(r -> RowView.verdict(r).equals(verdict)).count());
    }
    ArrayNode results = root.putArray("results");
    for (int i = 0; i < run.results().size(); i++) {
      ObjectNode row = result(run.results().get(i));
      row.set(
          "browser_confirmation", confirmation(run.results().get(i), run.confirmations().get(i)));
      results.add(row);
    }
    root.put("security_probed", run.securityProbed());
    ArrayNode findings = root.putArray("findings");
    run.findings().forEach(f -> findings.add(finding(f)));
    return root;
  }

  private static ObjectNode result(AuditResult result) {
    AuditTarget target = result.target();
    Provider provider = target.provider();
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", provider.id());
    node.put("name", provider.name());
    node.put("profile", target.profile());
    node.put("url", Redactor.redactUrl(target.request().url()));
    node.put("probe_url", Redactor.redactUrl(target.probeUrl()));
    node.put("origin", target.request().origin());
    node.put("method", target.request().method());
    node.put("credentials", target.request().credentials().wireName());
    node.set("request_headers", pairs(target.request().headers()));
    node.put("verdict", RowView.verdict(result));
    node.put("skip_reason", target.skipReason());
    Verdict verdict = result.verdict();
    node.set("causes", causes(verdict == null ? List.of() : verdict.causes()));
    node.set("warnings", causes(verdict == null ? List.of() : verdict.warnings()));
    ObjectNode engines = node.putObject("engines");
    if (verdict != null) {
      for (Engine engine : Engine.values()) {
        EngineVerdict ev = verdict.engines().get(engine);
        ObjectNode e = engines.putObject(engine.key());
        e.put("verdict", ev.outcome().name());
        e.set("causes", causes(ev.causes()));
        e.put("console_message", ev.consoleMessage());
        if (ev.preflightCacheSeconds() == null) {
          e.putNull("preflight_cache_seconds");
        } else {
          e.put("preflight_cache_seconds", ev.preflightCacheSeconds());
        }
      }
    }
    if (verdict == null) {
      node.putNull("preflight_needed");
      node.putNull("readable_response_headers");
    } else {
      node.put("preflight_needed", verdict.preflightNeeded());
      if (verdict.readableResponseHeaders() == null) {
        node.putNull("readable_response_headers");
      } else {
        ArrayNode readable = node.putArray("readable_response_headers");
        verdict.readableResponseHeaders().forEach(readable::add);
      }
    }
    node.set("preflight", exchange(result.preflight()));
    node.set("actual", exchange(result.actual()));
    node.put("notes", provider.notes());
    ArrayNode models = node.putArray("models");
    provider.models().forEach(models::add);
    ArrayNode tracking = node.putArray("tracking");
    provider.tracking().forEach(tracking::add);
    return node;
  }

  private static ObjectNode confirmation(
      AuditResult result, dev.corsaudit.browser.BrowserConfirmation c) {
    if (c == null) {
      return null;
    }
    ObjectNode node = MAPPER.createObjectNode();
    node.put("browser", c.browser());
    node.put("version", c.version());
    node.put("verdict", c.outcome());
    node.put("detail", c.detail());
    node.put("agrees", dev.corsaudit.audit.BrowserConfirmations.agrees(result, c));
    ArrayNode lines = node.putArray("console_lines");
    c.consoleLines().forEach(lines::add);
    return node;
  }

  private static ObjectNode exchange(Exchange exchange) {
    if (exchange == null) {
      return null;
    }
    ObjectNode node = MAPPER.createObjectNode();
    SentRequest sent = exchange.request();
    ObjectNode request = node.putObject("request");
    request.put("method", sent.method());
    request.put("url", Redactor.redactUrl(sent.url()));
    request.put("http_version", sent.httpVersion());
    request.set("headers", pairs(sent.headers()));
    request.set("client_added_headers", pairs(sent.clientAddedHeaders()));
    RecordedResponse response = exchange.response();
    if (response == null) {
      node.putNull("status");
      node.putNull("http_version");
      node.putArray("headers");
      node.putNull("content_type");
      node.putNull("body_head");
      node.put("body_truncated", false);
    } else {
      node.put("status", response.status());
      node.put("http_version", response.httpVersion());
      node.set("headers", pairs(response.headers()));
      node.put("content_type", response.contentType());
      node.put("body_head", response.bodyHead());
      node.put("body_truncated", response.bodyTruncated());
    }
    node.put("started_at", exchange.startedAt() == null ? null : exchange.startedAt().toString());
    node.put("elapsed_ms", exchange.elapsedMs());
    if (exchange.error() == null) {
      node.putNull("error");
    } else {
      ObjectNode error = node.putObject("error");
      error.put("kind", exchange.error().kind().name());
      error.put("message", exchange.error().message());
    }
    return node;
  }

  private static ArrayNode causes(List<Cause> causes) {
    ArrayNode array = MAPPER.createArrayNode();
    for (Cause cause : causes) {
      ObjectNode c = array.addObject();
      c.put("code", cause.code().name());
      c.put("message", cause.message());
      c.put("fix", cause.fix());
      c.put("detail", cause.detail());
    }
    return array;
  }

  private static ArrayNode pairs(List<HeaderLine> lines) {
    ArrayNode array = MAPPER.createArrayNode();
    for (HeaderLine line : lines) {
      HeaderLine shown = Redactor.redact(line);
      array.addArray().add(shown.name()).add(shown.value());
    }
    return array;
  }

  private static ObjectNode finding(Finding finding) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("provider", finding.providerId());
    node.put("code", finding.code().name());
    node.put("severity", finding.severity().name());
    node.put("origin", finding.origin());
    node.put("probe", finding.probe());
    node.put("message", finding.message());
    node.put("fix", finding.fix());
    node.set("evidence", pairs(finding.evidence()));
    return node;
  }
}
