package dev.corsaudit.report;

import dev.corsaudit.browser.BrowserConfirmation;
import dev.corsaudit.config.Provider;
import dev.corsaudit.grade.Cause;
import dev.corsaudit.grade.Engine;
import dev.corsaudit.grade.EngineVerdict;
import dev.corsaudit.grade.RedirectHop;
import dev.corsaudit.grade.Verdict;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.RecordedResponse;
import dev.corsaudit.model.SentRequest;
import dev.corsaudit.model.ToolVersion;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.AuditTarget;
import dev.corsaudit.result.Redactor;
import dev.corsaudit.result.ReportDocument;
import dev.corsaudit.result.RowStatus;
import dev.corsaudit.result.RunSummary;
import dev.corsaudit.security.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run as the typed report model: what the JSON report holds, with secrets redacted. Pure: the
 * JSON writer serialises it, and {@code diff} compares two of them.
 */
public final class ReportModel {

  private ReportModel() {}

  public static ReportDocument document(AuditRun run) {
    return new ReportDocument(
        new ReportDocument.Tool(ToolVersion.NAME, run.toolVersion()),
        ReportDocument.SCHEMA_VERSION,
        run.replicas(),
        false,
        run.results().stream().map(ReportModel::row).toList(),
        run.generatedAt().toString(),
        !run.interrupted(),
        summary(run.summary()),
        run.securityProbed(),
        run.findings().stream().map(ReportModel::finding).toList(),
        shard(run));
  }

  private static ReportDocument.ShardInfo shard(AuditRun run) {
    if (run.shard() == null) {
      return null;
    }
    return new ReportDocument.ShardInfo(
        run.shard().shard().index(),
        run.shard().shard().count(),
        run.shard().plannedRows(),
        run.results().stream().map(r -> r.target().seq()).toList());
  }

  public static ReportDocument.Summary summary(RunSummary summary) {
    return new ReportDocument.Summary(
        summary.total(),
        summary.count(RowStatus.PASS),
        summary.count(RowStatus.FAIL),
        summary.count(RowStatus.ERROR),
        summary.count(RowStatus.SKIPPED),
        summary.count(RowStatus.UNFINISHED));
  }

  public static ReportDocument.Row row(AuditResult result) {
    AuditTarget target = result.target();
    Provider provider = target.provider();
    Verdict verdict = result.verdict();
    Map<String, ReportDocument.Engine> engines = new LinkedHashMap<>();
    if (verdict != null) {
      for (Engine engine : Engine.values()) {
        EngineVerdict ev = verdict.engines().get(engine);
        engines.put(
            engine.key(),
            new ReportDocument.Engine(
                ev.outcome().name(),
                causes(ev.causes()),
                ev.consoleMessage(),
                ev.preflightCacheSeconds()));
      }
    }
    return new ReportDocument.Row(
        provider.id(),
        provider.name(),
        provider.rowPath(),
        target.profile(),
        Redactor.redactUrl(target.request().url()),
        Redactor.redactUrl(target.probeUrl()),
        target.request().origin(),
        target.request().method(),
        target.request().credentials().wireName(),
        pairs(target.request().headers()),
        result.status().name(),
        result.skipReason(),
        causes(verdict == null ? List.of() : verdict.causes()),
        causes(verdict == null ? List.of() : verdict.warnings()),
        engines,
        verdict == null ? null : verdict.preflightNeeded(),
        verdict == null ? null : verdict.readableResponseHeaders(),
        exchange(result.preflight()),
        result.enginePreflights().stream()
            .map(
                p ->
                    new ReportDocument.EnginePreflight(
                        p.engines().stream().map(Engine::key).toList(), exchange(p.exchange())))
            .toList(),
        exchange(result.actual()),
        result.redirects().stream()
            .map(
                hop ->
                    new ReportDocument.Redirect(
                        hop.request().url(),
                        hop.request().method(),
                        hop.request().origin(),
                        pairs(hop.request().headers()),
                        exchange(hop.preflight()),
                        enginePreflights(hop.otherPreflights()),
                        exchange(hop.response())))
            .toList(),
        provider.notes(),
        provider.models(),
        provider.tracking(),
        confirmation(result),
        result.lastGraded());
  }

  /** A hop's other preflights, one entry per exchange with the engines that sent it. */
  private static List<ReportDocument.EnginePreflight> enginePreflights(
      List<RedirectHop.OtherPreflight> others) {
    return others.stream()
        .map(
            p ->
                new ReportDocument.EnginePreflight(
                    p.engines().stream().map(Engine::key).toList(), exchange(p.exchange())))
        .toList();
  }

  private static ReportDocument.Confirmation confirmation(AuditResult result) {
    BrowserConfirmation c = result.confirmation();
    if (c == null) {
      return null;
    }
    return new ReportDocument.Confirmation(
        c.browser(),
        c.version(),
        c.outcome(),
        c.detail(),
        Boolean.TRUE.equals(result.browserAgrees()),
        c.consoleLines());
  }

  private static ReportDocument.Exchange exchange(Exchange exchange) {
    if (exchange == null) {
      return null;
    }
    SentRequest sent = exchange.request();
    ReportDocument.Request request =
        new ReportDocument.Request(
            sent.method(),
            Redactor.redactUrl(sent.url()),
            sent.httpVersion(),
            pairs(sent.headers()),
            pairs(sent.clientAddedHeaders()));
    RecordedResponse response = exchange.response();
    ReportDocument.Error error =
        exchange.error() == null
            ? null
            : new ReportDocument.Error(exchange.error().kind().name(), exchange.error().message());
    return new ReportDocument.Exchange(
        request,
        response == null ? null : response.status(),
        response == null ? null : response.httpVersion(),
        response == null ? List.of() : pairs(response.headers()),
        response == null ? null : response.contentType(),
        response == null ? null : response.bodyHead(),
        response != null && response.bodyTruncated(),
        exchange.startedAt() == null ? null : exchange.startedAt().toString(),
        exchange.elapsedMs(),
        error,
        response != null && response.rawHeaderBlock() ? ReportDocument.Exchange.RAW_HTTP1 : null,
        response != null && response.rawHeaderBlock()
            ? Redactor.redactRawLines(response.rawHeaderLines())
            : null);
  }

  private static List<ReportDocument.Cause> causes(List<Cause> causes) {
    return causes.stream()
        .map(c -> new ReportDocument.Cause(c.code().name(), c.message(), c.fix(), c.detail()))
        .toList();
  }

  private static List<List<String>> pairs(List<HeaderLine> lines) {
    return lines.stream()
        .map(Redactor::redact)
        .map(line -> List.of(line.name(), line.value()))
        .toList();
  }

  static ReportDocument.Finding finding(Finding finding) {
    return new ReportDocument.Finding(
        finding.providerId(),
        finding.code().name(),
        finding.severity().name(),
        finding.origin(),
        finding.probe(),
        finding.message(),
        finding.fix(),
        pairs(finding.evidence()));
  }
}
