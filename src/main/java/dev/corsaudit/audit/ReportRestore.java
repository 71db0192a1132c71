package dev.corsaudit.audit;

import dev.corsaudit.grade.Cause;
import dev.corsaudit.grade.CauseCode;
import dev.corsaudit.grade.Engine;
import dev.corsaudit.grade.EngineVerdict;
import dev.corsaudit.grade.Outcome;
import dev.corsaudit.grade.RedirectHop;
import dev.corsaudit.grade.RequestPlans;
import dev.corsaudit.grade.Verdict;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.NetworkError;
import dev.corsaudit.model.NetworkErrorKind;
import dev.corsaudit.model.RecordedResponse;
import dev.corsaudit.model.SentRequest;
import dev.corsaudit.model.UserException;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.AuditTarget;
import dev.corsaudit.result.EnginePreflight;
import dev.corsaudit.result.ReportDocument;
import dev.corsaudit.security.Finding;
import dev.corsaudit.security.FindingCode;
import dev.corsaudit.security.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON report (the merge of a sharded run) back as the run it records, so {@code report --from}
 * renders and compares it exactly like a run it made itself. The rows are matched to the plan of
 * the same request (providers file and selection) by their key; a row the plan does not have, or a
 * planned row the report lacks, is an error: the report was made from another providers file.
 */
public final class ReportRestore {

  private ReportRestore() {}

  public static AuditRun restore(AuditRequest request, ReportDocument report) {
    List<AuditTarget> planned =
        TargetPlanner.plan(
            request.providers().providers(),
            request.providers().profiles(),
            request.selection(),
            p -> TargetPlanner.ProbeLocation.at(p.url()));
    Map<String, ReportDocument.Row> rows = new HashMap<>();
    for (ReportDocument.Row row : report.results()) {
      rows.put(key(row.id(), row.path(), row.method(), row.profile(), row.origin()), row);
    }
    if (rows.size() != planned.size()) {
      throw mismatch(report.results().size() + " rows, the plan " + planned.size());
    }
    List<AuditResult> results = new ArrayList<>();
    for (AuditTarget target : planned) {
      String path = target.provider().rowPath();
      ReportDocument.Row row =
          rows.get(
              key(
                  target.provider().id(),
                  path,
                  path == null ? null : target.request().method(),
                  target.profile(),
                  target.request().origin()));
      if (row == null) {
        throw mismatch("no row for " + target.provider().id() + " " + target.profile());
      }
      results.add(result(target, row));
    }
    List<Finding> findings = report.findings().stream().map(ReportRestore::finding).toList();
    return new AuditRun(
        report.tool().version(),
        Instant.parse(report.generatedAt()),
        report.replicas(),
        results,
        findings,
        report.securityProbed());
  }

  private static UserException mismatch(String what) {
    return new UserException(
        "the report is not of this providers file and selection (" + what + ")");
  }

  private static String key(String id, String path, String method, String profile, String origin) {
    return String.join(
        "\u0000", id, String.valueOf(path), path == null ? "" : method, profile, origin);
  }

  private static AuditResult result(AuditTarget planned, ReportDocument.Row row) {
    AuditTarget target =
        new AuditTarget(
            planned.seq(),
            planned.provider(),
            planned.profile(),
            planned.request(),
            planned.plans(),
            row.probeUrl(),
            row.skipReason());
    switch (row.verdict()) {
      case "SKIPPED" -> {
        return AuditResult.skipped(target);
      }
      case "UNFINISHED" -> {
        return AuditResult.unfinished(target);
      }
      default -> {
        List<EnginePreflight> others = new ArrayList<>();
        for (ReportDocument.EnginePreflight p :
            row.enginePreflights() == null
                ? List.<ReportDocument.EnginePreflight>of()
                : row.enginePreflights()) {
          List<Engine> engines = p.engines().stream().map(ReportRestore::engine).toList();
          others.add(new EnginePreflight(engines, exchange(p.exchange())));
        }
        return AuditResult.graded(
            target,
            exchange(row.preflight()),
            others,
            exchange(row.actual()),
            hops(row, planned.request()),
            verdict(row));
      }
    }
  }

  private static List<RedirectHop> hops(ReportDocument.Row row, CorsRequest original) {
    if (row.redirects() == null) {
      return List.of();
    }
    List<RedirectHop> hops = new ArrayList<>();
    for (ReportDocument.Redirect r : row.redirects()) {
      CorsRequest request =
          new CorsRequest(
              r.url(), r.origin(), r.method(), lines(r.requestHeaders()), original.credentials());
      Map<Engine, Exchange> others = new EnumMap<>(Engine.class);
      if (r.enginePreflights() != null) {
        for (ReportDocument.EnginePreflight p : r.enginePreflights()) {
          Exchange exchange = exchange(p.exchange());
          p.engines().forEach(key -> others.put(engine(key), exchange));
        }
      }
      hops.add(
          new RedirectHop(
              request,
              RequestPlans.of(request),
              exchange(r.preflight()),
              exchange(r.response()),
              null,
              others));
    }
    return hops;
  }

  private static Verdict verdict(ReportDocument.Row row) {
    Map<Engine, EngineVerdict> engines = new EnumMap<>(Engine.class);
    row.engines()
        .forEach(
            (key, v) -> {
              Engine engine = engine(key);
              engines.put(
                  engine,
                  new EngineVerdict(
                      engine,
                      Outcome.valueOf(v.verdict()),
                      causes(v.causes()),
                      v.consoleMessage(),
                      v.preflightCacheSeconds()));
            });
    return new Verdict(
        Outcome.valueOf(row.verdict()),
        causes(row.causes()),
        causes(row.warnings()),
        engines,
        Boolean.TRUE.equals(row.preflightNeeded()),
        row.readableResponseHeaders());
  }

  private static Engine engine(String key) {
    for (Engine engine : Engine.values()) {
      if (engine.key().equals(key)) {
        return engine;
      }
    }
    throw mismatch("unknown engine " + key);
  }

  private static List<Cause> causes(List<ReportDocument.Cause> causes) {
    return causes.stream()
        .map(c -> new Cause(CauseCode.valueOf(c.code()), c.message(), c.fix(), c.detail()))
        .toList();
  }

  private static Exchange exchange(ReportDocument.Exchange e) {
    if (e == null) {
      return null;
    }
    ReportDocument.Request r = e.request();
    SentRequest sent =
        new SentRequest(
            r.method(),
            r.url(),
            r.httpVersion(),
            lines(r.headers()),
            lines(r.clientAddedHeaders()));
    Instant started = e.startedAt() == null ? null : Instant.parse(e.startedAt());
    if (e.error() != null) {
      return Exchange.ofError(
          sent,
          new NetworkError(NetworkErrorKind.valueOf(e.error().kind()), e.error().message()),
          started,
          e.elapsedMs());
    }
    RecordedResponse response =
        new RecordedResponse(
            e.status() == null ? 0 : e.status(),
            e.httpVersion(),
            lines(e.headers()),
            e.contentType(),
            e.bodyHead(),
            e.bodyTruncated(),
            ReportDocument.Exchange.RAW_HTTP1.equals(e.recordedBy()) ? e.rawHeaderLines() : null);
    return Exchange.ofResponse(sent, response, started, e.elapsedMs());
  }

  private static List<HeaderLine> lines(List<List<String>> pairs) {
    if (pairs == null) {
      return List.of();
    }
    return pairs.stream()
        .map(p -> new HeaderLine(p.isEmpty() ? "" : p.get(0), p.size() > 1 ? p.get(1) : ""))
        .toList();
  }

  private static Finding finding(ReportDocument.Finding f) {
    return new Finding(
        f.provider(),
        FindingCode.valueOf(f.code()),
        Severity.valueOf(f.severity()),
        f.origin(),
        f.probe(),
        f.message(),
        f.fix(),
        lines(f.evidence()));
  }
}
