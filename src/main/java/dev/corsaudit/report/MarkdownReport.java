package dev.corsaudit.report;

import dev.corsaudit.browser.BrowserConfirmation;
import dev.corsaudit.config.Provider;
import dev.corsaudit.grade.Cause;
import dev.corsaudit.grade.Engine;
import dev.corsaudit.grade.EngineVerdict;
import dev.corsaudit.grade.Outcome;
import dev.corsaudit.grade.RedirectHop;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.PreflightPlan;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.AuditTarget;
import dev.corsaudit.result.Escape;
import dev.corsaudit.result.Redactor;
import dev.corsaudit.security.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The compatibility report in the layout the public report uses: what was sent, a summary table (#
 * | Endpoint | Status | Verdict | CORS Headers), then a section per row.
 */
final class MarkdownReport implements ReportRenderer {

  private final RunNotes notes;

  MarkdownReport(RunNotes notes) {
    this.notes = notes;
  }

  MarkdownReport() {
    this(RunNotes.DEFAULT);
  }

  @Override
  public void render(AuditRun run, Writer out) throws IOException {
    try (MarkdownRows rows = new MarkdownRows()) {
      for (AuditResult result : run.results()) {
        rows.add(result);
      }
      print(rows, run, notes, out);
    }
  }

  /** The whole report from the rows kept: the counts first, then the method, table, details. */
  void print(MarkdownRows rows, AuditRun run, RunNotes runNotes, Writer out) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# LLM API CORS compatibility report\n\n");
    if (!runNotes.complete()) {
      md.append("> **Incomplete run.** ").append(RunNotes.INCOMPLETE_LINE).append("\n\n");
    }
    if (runNotes.insecure()) {
      md.append("> **Unverified TLS.** ").append(RunNotes.INSECURE_LINE).append("\n\n");
    }
    if (run.replicas()) {
      md.append(
              "> **Replica data.** These rows come from cors-audit's built-in replicas of the providers")
          .append(
              " (their recorded answers, served on loopback), not from a live audit of the real endpoints.\n\n");
    }
    md.append("Generated ")
        .append(run.generatedAt())
        .append(" by cors-audit ")
        .append(run.toolVersion())
        .append(".\n\n");
    // The counts first: the answer to "will my app work?" before the method and the table.
    md.append("**").append(TableReport.summary(run)).append(".**\n\n");
    String mostlyError = RunLabels.mostlyError(run);
    if (mostlyError != null) {
      md.append("> **").append(mostlyError).append("**\n\n");
    }
    boolean variants = rows.variants();
    if (rows.method() != null) {
      md.append(rows.method());
      if (variants) {
        md.append("Rows differ in header profile or origin; each section below names its own.\n\n");
      }
      md.append("A PASS verdict means a browser would let the request through: the server returned")
          .append(
              " `Access-Control-Allow-Origin` and the related headers for this origin, method and headers")
          .append(
              " (graded by Chromium's rules; sections note where Firefox, WebKit or the Fetch Standard differ).\n\n");
    }
    md.append("| # | Endpoint | Status | Verdict | CORS Headers |\n|---|---|---|---|---|\n");
    out.write(md.toString());
    rows.forEachSummaryLine(line -> out.write(MarkdownRows.join(line, variants)));
    out.write("\n");
    out.write(ErrorGroups.markdown(rows.errorGroups()));
    out.write("## Details\n\n");
    rows.forEachDetails(section -> out.write(MarkdownRows.join(section, variants)));
    StringBuilder findings = new StringBuilder();
    appendFindings(findings, run);
    out.write(findings.toString());
  }

  /** The method paragraph and the preflight every row sends, from the first graded row. */
  static String method(AuditTarget target) {
    PreflightPlan plan = target.plans().top();
    StringBuilder md = new StringBuilder();
    md.append(
            "Each endpoint was tested with an HTTP `OPTIONS` request to its chat completions path with")
        .append(" the preflight headers a browser sends for a `fetch()` with the ")
        .append(Escape.code(target.profile()))
        .append(" header profile:\n\n");
    StringBuilder http = new StringBuilder();
    http.append("OPTIONS ")
        .append(RowView.path(Redactor.redactUrl(target.request().url())))
        .append('\n');
    http.append("Origin: ").append(target.request().origin()).append('\n');
    http.append("Access-Control-Request-Method: ").append(plan.normalizedMethod()).append('\n');
    if (plan.accessControlRequestHeaders() != null) {
      http.append("Access-Control-Request-Headers: ")
          .append(plan.accessControlRequestHeaders())
          .append('\n');
    }
    md.append(Escape.fenced("http", http.toString())).append('\n');
    return md.toString();
  }

  /** A summary-table line after the endpoint cell: base URL, status, verdict, CORS headers. */
  static String summaryTail(AuditResult result) {
    Provider provider = result.target().provider();
    return "<br>"
        + Escape.codeCell(Redactor.redactUrl(provider.baseUrl()))
        + " | "
        + cell(RowView.status(result))
        + " | "
        + badge(result)
        + " | "
        + headersCell(result)
        + " |\n";
  }

  private static String headersCell(AuditResult result) {
    if (result.verdict() == null) {
      return cell(result.skipReason());
    }
    if (result.verdict().outcome() != Outcome.PASS) {
      Cause cause = RowView.firstCause(result);
      String carried = RunLabels.lastGraded(result);
      String text = cause == null ? "" : cell(cause.message());
      return carried == null ? text : "**" + carried + "**: " + text;
    }
    Exchange exchange = result.mainExchange();
    List<String> requested = result.target().plans().top().unsafeHeaderNames();
    StringBuilder cell = new StringBuilder();
    for (HeaderLine line : RowView.corsLines(exchange.response())) {
      if (cell.length() > 0) {
        cell.append("<br>");
      }
      String value =
          line.hasName("Access-Control-Allow-Headers")
              ? RowView.abbreviateList(line.value(), requested)
              : line.value();
      cell.append(Escape.codeCell(canonical(line.name()) + ": " + value));
    }
    return cell.toString();
  }

  /** A row's details section, after its heading. */
  static String details(AuditResult result) {
    StringBuilder md = new StringBuilder("\n\n");
    BrowserConfirmation confirmation = result.confirmation();
    AuditTarget target = result.target();
    md.append("- **Endpoint:** ")
        .append(
            Escape.code(
                target.request().method() + ' ' + Redactor.redactUrl(target.request().url())))
        .append("\n");
    if (result.verdict() == null) {
      md.append("- **Skipped:** ").append(text(result.skipReason())).append("\n\n");
      return md.toString();
    }
    Exchange exchange = result.mainExchange();
    if (exchange.error() != null) {
      md.append("- **Status:** no response (").append(exchange.error().kind()).append(")\n");
    } else {
      md.append("- **Status:** ").append(RowView.statusWithReason(exchange.response()));
      if (result.preflight() == null) {
        md.append(" (no preflight needed; this is the actual response)");
      }
      md.append('\n');
      for (HeaderLine line : RowView.corsLines(exchange.response())) {
        md.append("- ")
            .append(Escape.code(canonical(line.name()) + ": " + line.value()))
            .append("\n");
      }
      String vary = exchange.response().header("Vary");
      if (vary != null) {
        md.append("- ").append(Escape.code("Vary: " + vary)).append("\n");
      }
    }
    for (RedirectHop hop : result.redirects()) {
      md.append("- **Redirected to:** ")
          .append(
              Escape.code(hop.request().method() + " " + Redactor.redactUrl(hop.request().url())))
          .append(" (Origin: ")
          .append(Escape.code(hop.request().origin()))
          .append(") → ")
          .append(Escape.markdownText(RowView.hopStatus(hop)))
          .append('\n');
    }
    md.append("- **Verdict:** ").append(badge(result)).append('\n');
    if (result.lastGraded() != null) {
      md.append("- **Last graded:** ").append(RunLabels.lastGraded(result)).append('\n');
    }
    for (Cause cause : result.verdict().causes()) {
      md.append("- **Issue (")
          .append(cause.code())
          .append("):** ")
          .append(text(RowView.sentence(cause.message())))
          .append(" **Fix:** ")
          .append(text(cause.fix()))
          .append('\n');
    }
    EngineVerdict chromium = result.verdict().engines().get(Engine.TOP);
    if (chromium != null && chromium.consoleMessage() != null) {
      md.append("- **Chrome console:** ")
          .append(Escape.code(chromium.consoleMessage()))
          .append("\n");
    }
    for (Cause warning : result.verdict().warnings()) {
      String label = warning.code().engineSplit() ? "Engines" : "Note";
      md.append("- **")
          .append(label)
          .append(" (")
          .append(warning.code())
          .append("):** ")
          .append(text(RowView.sentence(warning.message())))
          .append(" **Fix:** ")
          .append(text(warning.fix()))
          .append('\n');
    }
    if (confirmation != null) {
      md.append("- **In a real browser (")
          .append(
              text(
                  confirmation.version().isEmpty()
                      ? confirmation.browser()
                      : confirmation.version()))
          .append("):** ")
          .append(text(confirmation.outcome()))
          .append(" (")
          .append(text(confirmation.detail()))
          .append(")")
          .append(
              !confirmation.comparable()
                  ? " — not comparable\n"
                  : " — "
                      + (Boolean.TRUE.equals(result.browserAgrees())
                          ? "agrees with"
                          : "**disagrees with**")
                      + " cors-audit's "
                      + text(confirmation.browser())
                      + " verdict\n");
      for (String line : confirmation.consoleLines()) {
        md.append("  - console: ").append(Escape.code(line)).append("\n");
      }
    }
    String cache = cacheLine(result);
    if (cache != null) {
      md.append("- **Preflight cache:** ").append(cache).append('\n');
    }
    Provider provider = target.provider();
    if (!provider.models().isEmpty()) {
      md.append("- **Models:** ").append(text(String.join(", ", provider.models()))).append('\n');
    }
    if (provider.notes() != null && !provider.notes().isBlank()) {
      md.append("- **Notes:** ")
          .append(text(provider.notes().strip().replace("\n", " ")))
          .append('\n');
    }
    for (String link : provider.tracking()) {
      md.append("- **Tracking:** ").append(text(link)).append('\n');
    }
    md.append('\n');
    return md.toString();
  }

  private static void appendFindings(StringBuilder md, AuditRun run) {
    if (!run.securityProbed() && run.findings().isEmpty()) {
      return;
    }
    md.append("## Security and policy findings\n\n");
    if (run.findings().isEmpty()) {
      md.append("No endpoint trusted a hostile origin or strayed from its declared policy.\n");
      return;
    }
    md.append(
        "| Severity | Provider | Finding | Origin sent | What happened | Fix |\n|---|---|---|---|---|---|\n");
    for (Finding f : run.findings()) {
      md.append("| ")
          .append(f.severity())
          .append(" | ")
          .append(cell(f.providerId()))
          .append(" | `")
          .append(f.code())
          .append("` | ")
          .append(Escape.codeCell(f.origin()))
          .append(" | ")
          .append(cell(f.message()))
          .append(" | ")
          .append(cell(f.fix()))
          .append(" |\n");
    }
    md.append('\n');
  }

  static String cacheLine(AuditResult result) {
    if (result.verdict() == null
        || result.preflight() == null
        || result.verdict().outcome() != Outcome.PASS) {
      return null;
    }
    StringBuilder line = new StringBuilder();
    for (Engine engine : Engine.values()) {
      if (!engine.browser()) {
        continue;
      }
      EngineVerdict verdict = result.verdict().engines().get(engine);
      if (verdict == null || verdict.outcome() != Outcome.PASS) {
        continue;
      }
      if (line.length() > 0) {
        line.append(", ");
      }
      Integer seconds = verdict.preflightCacheSeconds();
      line.append(engine.key()).append(' ').append(seconds == null ? "not cached" : seconds + " s");
    }
    return line.length() == 0 ? null : line.toString();
  }

  static String badge(AuditResult result) {
    return switch (RowView.verdict(result)) {
      case "PASS" -> "✅ PASS";
      case "FAIL" -> "❌ FAIL";
      case "ERROR" -> "⚠️ ERROR";
      case "UNFINISHED" -> "⏸️ UNFINISHED";
      default -> "⏭️ SKIPPED";
    };
  }

  /** Header names as people write them (the JDK client hands them to us lower-cased). */
  static String canonical(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean upper = true;
    for (char c : name.toCharArray()) {
      out.append(upper ? Character.toUpperCase(c) : c);
      upper = c == '-';
    }
    return out.toString();
  }

  /** Prose in a table cell: escaped, on one line. */
  static String cell(String text) {
    return text == null ? "" : Escape.markdownCell(text.replace("\n", " "));
  }

  /** Prose outside a table: escaped, on one line. */
  static String text(String text) {
    return text == null ? "" : Escape.markdownText(text.replace("\n", " "));
  }
}
