package dev.corsaudit.report;

import dev.corsaudit.result.ReportDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * reports/index.html: one self-contained page (no scripts, fonts or style sheets from anywhere, a
 * Content-Security-Policy that forbids them) with the matrix people look for: providers as rows,
 * header profile × origin as columns, each cell the Chromium, Firefox and WebKit verdicts with the
 * cause behind a click, the date the cell last changed, a history strip per provider, and links to
 * its tracking issues and its evidence. Pure: it renders reports it is given.
 */
public final class CompatibilityPage {

  /** The engines the page shows, with their JSON keys. */
  static final List<String[]> ENGINES =
      List.of(
          new String[] {"chromium", "Chromium"},
          new String[] {"firefox", "Firefox"},
          new String[] {"webkit", "WebKit"});

  /** How many nights the history strip shows. */
  static final int STRIP = 30;

  /** One report of the history, with its date (YYYY-MM-DD). */
  public record Night(String date, ReportDocument report) {}

  private CompatibilityPage() {}

  /**
   * @param latest this run's report
   * @param history earlier reports, oldest first (this run's may be among them; it is not counted
   *     twice)
   */
  public static String render(ReportDocument latest, List<Night> history) {
    String today = date(latest.generatedAt());
    List<Night> nights = new ArrayList<>();
    for (Night night : history) {
      if (!night.date().equals(today)) {
        nights.add(night);
      }
    }
    nights.sort(java.util.Comparator.comparing(Night::date));
    nights.add(new Night(today, latest));

    Map<String, List<ReportDocument.Row>> providers = new LinkedHashMap<>();
    List<String> columns = new ArrayList<>();
    for (ReportDocument.Row row : latest.results()) {
      providers.computeIfAbsent(providerKey(row), k -> new ArrayList<>()).add(row);
      String column = column(row);
      if (!columns.contains(column)) {
        columns.add(column);
      }
    }

    StringBuilder h = new StringBuilder(64 * 1024);
    head(h, latest, today);
    h.append(
        "<div class=\"scroll\" role=\"region\" aria-labelledby=\"matrix-caption\" tabindex=\"0\">\n");
    h.append(
            "<table class=\"matrix\">\n<caption id=\"matrix-caption\">Preflight verdicts by provider")
        .append(" (rows) and header profile @ page origin (columns), per engine</caption>\n");
    h.append("<thead><tr><th scope=\"col\">Provider</th>");
    for (String column : columns) {
      h.append("<th scope=\"col\">").append(Html.escape(column)).append("</th>");
    }
    h.append("<th scope=\"col\">Last ")
        .append(STRIP)
        .append(" nights</th></tr></thead>\n<tbody>\n");
    for (Map.Entry<String, List<ReportDocument.Row>> entry : providers.entrySet()) {
      providerRow(h, entry.getKey(), entry.getValue(), columns, nights);
    }
    h.append("</tbody>\n</table>\n</div>\n");
    evidence(h, providers);
    findings(h, latest);
    h.append("</main>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void head(StringBuilder h, ReportDocument latest, String today) {
    ReportDocument.Summary s = latest.summary();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
        .append(" style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
        .append("<title>LLM API CORS compatibility</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<main>\n")
        .append("<h1>LLM API CORS compatibility</h1>\n<p class=\"meta\">Generated ")
        .append(Html.escape(latest.generatedAt()))
        .append(" by ")
        .append(Html.escape(latest.tool().name()))
        .append(' ')
        .append(Html.escape(latest.tool().version()))
        .append(". ")
        .append(s.total())
        .append(" rows: ")
        .append(s.pass())
        .append(" pass, ")
        .append(s.fail())
        .append(" fail, ")
        .append(s.error())
        .append(" error, ")
        .append(s.skipped())
        .append(" skipped.</p>\n");
    if (latest.replicas()) {
      h.append(
              "<p class=\"note\" role=\"note\"><strong>Replica data.</strong> These rows come from")
          .append(
              " cors-audit's built-in replicas of the providers (their recorded answers, served")
          .append(" on loopback), not from a live audit of the real endpoints.</p>\n");
    }
    if (s.error() * 2 > s.pass() + s.fail() + s.error()) {
      h.append("<p class=\"note\" role=\"note\"><strong>Mostly ERROR.</strong> Most rows could not")
          .append(" be graded (network errors): this run says more about the network it ran on")
          .append(" than about the providers.</p>\n");
    }
    h.append("<p class=\"legend\">Each cell: <span class=\"v PASS\">✓ PASS</span>")
        .append(" <span class=\"v FAIL\">✗ FAIL</span> <span class=\"v ERROR\">! ERROR</span>")
        .append(" for Chromium (Cr), Firefox (Fx) and WebKit (Wk). Open a cell for the cause and")
        .append(" the fix; “since” is the date the cell last changed.</p>\n");
  }

  private static void providerRow(
      StringBuilder h,
      String key,
      List<ReportDocument.Row> rows,
      List<String> columns,
      List<Night> nights) {
    ReportDocument.Row first = rows.get(0);
    h.append("<tr><th scope=\"row\"><span class=\"name\">")
        .append(Html.escape(displayName(first)))
        .append("</span>");
    h.append("<span class=\"links\"><a href=\"#evidence-")
        .append(Html.anchor(key))
        .append("\">evidence</a>");
    int n = 0;
    for (String link : first.tracking()) {
      String href = Html.href(link);
      n++;
      if (href != null) {
        h.append(" · <a href=\"")
            .append(href)
            .append("\" rel=\"noopener noreferrer\">tracking issue")
            .append(first.tracking().size() > 1 ? " " + n : "")
            .append("</a>");
      }
    }
    h.append("</span></th>");
    for (String column : columns) {
      ReportDocument.Row row =
          rows.stream().filter(r -> column(r).equals(column)).findFirst().orElse(null);
      cell(h, row, nights);
    }
    strip(h, key, nights);
    h.append("</tr>\n");
  }

  private static void cell(StringBuilder h, ReportDocument.Row row, List<Night> nights) {
    if (row == null) {
      h.append("<td class=\"none\">not audited</td>");
      return;
    }
    h.append("<td data-row-key=\"")
        .append(Html.escape(rowKey(row)))
        .append("\" data-verdict=\"")
        .append(Html.escape(row.verdict()))
        .append("\" title=\"")
        .append(Html.escape(hover(row)))
        .append("\"><details><summary>");
    for (String[] engine : ENGINES) {
      String verdict = engineVerdict(row, engine[0]);
      h.append("<span class=\"v ")
          .append(Html.escape(verdict))
          .append("\" data-engine=\"")
          .append(engine[0])
          .append("\"><abbr title=\"")
          .append(engine[1])
          .append("\">")
          .append(engine[1], 0, 1)
          .append(engine[0].equals("chromium") ? "r" : engine[0].equals("firefox") ? "x" : "k")
          .append("</abbr> <span class=\"sym\" aria-hidden=\"true\">")
          .append(symbol(verdict))
          .append("</span> <span class=\"word\">")
          .append(Html.escape(verdict))
          .append("</span></span>");
    }
    h.append("</summary><div class=\"cause\">").append(Html.escape(cause(row))).append("</div>");
    h.append("</details>");
    if (row.lastGraded() != null) {
      h.append("<span class=\"carried\">last graded ")
          .append(Html.escape(row.lastGraded().verdict()))
          .append(" on ")
          .append(Html.escape(date(row.lastGraded().at())))
          .append(", ERROR tonight</span>");
    }
    h.append("<span class=\"since\">since <time>")
        .append(Html.escape(lastChange(row, nights)))
        .append("</time></span></td>");
  }

  private static void strip(StringBuilder h, String key, List<Night> nights) {
    h.append("<td><ol class=\"strip\" aria-label=\"history\">");
    int from = Math.max(0, nights.size() - STRIP);
    for (Night night : nights.subList(from, nights.size())) {
      String status = providerStatus(night.report(), key);
      h.append("<li class=\"v ")
          .append(status)
          .append("\" title=\"")
          .append(Html.escape(night.date()))
          .append(": ")
          .append(status)
          .append("\" aria-label=\"")
          .append(Html.escape(night.date()))
          .append(": ")
          .append(status)
          .append("\">")
          .append(status.equals("NONE") ? "·" : status.substring(0, 1))
          .append("</li>");
    }
    h.append("</ol></td>");
  }

  private static void evidence(StringBuilder h, Map<String, List<ReportDocument.Row>> providers) {
    h.append("<h2>Evidence</h2>\n<p>What each endpoint answered. To file an issue with a provider,")
        .append(" <code>cors-audit evidence ID</code> prints the preflight as a curl command, the")
        .append(
            " response verbatim, the verdict with the browsers' console lines and the fix.</p>\n");
    for (Map.Entry<String, List<ReportDocument.Row>> entry : providers.entrySet()) {
      ReportDocument.Row first = entry.getValue().get(0);
      h.append("<section id=\"evidence-")
          .append(Html.anchor(entry.getKey()))
          .append("\"><h3>")
          .append(Html.escape(displayName(first)))
          .append("</h3>\n<pre><code>cors-audit evidence ")
          .append(Html.escape(first.id()))
          .append("</code></pre>\n<ul>\n");
      for (ReportDocument.Row row : entry.getValue()) {
        h.append("<li>").append(Html.escape(column(row))).append(": ");
        h.append(Html.escape(row.verdict()));
        ReportDocument.Exchange preflight =
            row.preflight() != null ? row.preflight() : row.actual();
        if (preflight != null) {
          h.append(", ")
              .append(
                  Html.escape(
                      preflight.error() != null
                          ? "no response (" + preflight.error().kind() + ")"
                          : preflight.request() == null
                              ? String.valueOf(preflight.status())
                              : preflight.request().method() + " → " + preflight.status()));
          List<String> lines = new ArrayList<>();
          for (List<String> pair : preflight.headers()) {
            String name = pair.isEmpty() ? "" : pair.get(0);
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("access-control-") || lower.equals("vary")) {
              lines.add(name + ": " + (pair.size() > 1 ? pair.get(1) : ""));
            }
          }
          if (!lines.isEmpty()) {
            h.append("<pre>").append(Html.escape(String.join("\n", lines))).append("</pre>");
          }
        } else if (row.skipReason() != null) {
          h.append(" (").append(Html.escape(row.skipReason())).append(')');
        }
        h.append("</li>\n");
      }
      h.append("</ul></section>\n");
    }
  }

  private static void findings(StringBuilder h, ReportDocument latest) {
    if (latest.findings().isEmpty()) {
      return;
    }
    h.append("<h2>Security and policy findings</h2>\n<div class=\"scroll\" tabindex=\"0\">")
        .append("<table><thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">Provider</th>")
        .append("<th scope=\"col\">Finding</th><th scope=\"col\">Origin sent</th>")
        .append("<th scope=\"col\">What happened</th></tr></thead><tbody>\n");
    for (ReportDocument.Finding f : latest.findings()) {
      h.append("<tr><td>")
          .append(Html.escape(f.severity()))
          .append("</td><td>")
          .append(Html.escape(f.provider()))
          .append("</td><td><code>")
          .append(Html.escape(f.code()))
          .append("</code></td><td><code>")
          .append(Html.escape(f.origin()))
          .append("</code></td><td>")
          .append(Html.escape(f.message()))
          .append("</td></tr>\n");
    }
    h.append("</tbody></table></div>\n");
  }

  /** The verdict an engine gave a row, or the row's status when it was not graded. */
  static String engineVerdict(ReportDocument.Row row, String engine) {
    ReportDocument.Engine verdict = row.engines().get(engine);
    return verdict == null || verdict.verdict() == null ? row.verdict() : verdict.verdict();
  }

  private static String cause(ReportDocument.Row row) {
    if (row.skipReason() != null) {
      return row.skipReason();
    }
    StringBuilder text = new StringBuilder();
    for (String[] engine : ENGINES) {
      ReportDocument.Engine verdict = row.engines().get(engine[0]);
      if (verdict == null || verdict.causes().isEmpty()) {
        continue;
      }
      ReportDocument.Cause first = verdict.causes().get(0);
      text.append(engine[1])
          .append(": ")
          .append(first.code())
          .append(" — ")
          .append(first.message())
          .append(first.fix() == null ? "" : " Fix: " + first.fix())
          .append('\n');
    }
    if (text.length() == 0) {
      text.append(row.verdict().equals("PASS") ? "Every engine lets the request through." : "");
      for (ReportDocument.Cause cause : row.causes()) {
        text.append(cause.code()).append(" — ").append(cause.message()).append('\n');
      }
    }
    return text.toString().strip();
  }

  private static String hover(ReportDocument.Row row) {
    String cause = cause(row);
    int cut = cause.indexOf('\n');
    return row.verdict()
        + (cause.isEmpty() ? "" : ": " + (cut < 0 ? cause : cause.substring(0, cut)));
  }

  /** What a cell shows: the row's status and each engine's verdict. */
  private static String signature(ReportDocument.Row row) {
    StringBuilder s = new StringBuilder(row.verdict());
    for (String[] engine : ENGINES) {
      s.append(' ').append(engineVerdict(row, engine[0]));
    }
    return s.toString();
  }

  /** The date of the night the cell last showed something else (or its first night). */
  static String lastChange(ReportDocument.Row row, List<Night> nights) {
    String key = rowKey(row);
    String current = signature(row);
    String since = null;
    String previous = null;
    for (Night night : nights) {
      ReportDocument.Row then = find(night.report(), key);
      if (then == null) {
        continue;
      }
      String signature = signature(then);
      if (!signature.equals(previous)) {
        since = night.date();
        previous = signature;
      }
    }
    return current.equals(previous) && since != null ? since : nights.get(nights.size() - 1).date();
  }

  private static ReportDocument.Row find(ReportDocument report, String key) {
    for (ReportDocument.Row row : report.results()) {
      if (rowKey(row).equals(key)) {
        return row;
      }
    }
    return null;
  }

  private static String providerStatus(ReportDocument report, String key) {
    boolean any = false;
    boolean error = false;
    boolean pass = false;
    for (ReportDocument.Row row : report.results()) {
      if (!providerKey(row).equals(key)) {
        continue;
      }
      any = true;
      switch (row.verdict()) {
        case "FAIL" -> {
          return "FAIL";
        }
        case "ERROR" -> error = true;
        case "PASS" -> pass = true;
        default -> {}
      }
    }
    if (!any) {
      return "NONE";
    }
    return error ? "ERROR" : pass ? "PASS" : "SKIPPED";
  }

  /** A provider (and path, for providers audited on several): one matrix row. */
  static String providerKey(ReportDocument.Row row) {
    return row.path() == null ? row.id() : row.id() + " " + row.method() + " " + row.path();
  }

  /** The row key as the diff defines it (id, path, method, profile, origin), as one string. */
  static String rowKey(ReportDocument.Row row) {
    return String.join(
        "|",
        row.id(),
        row.path() == null ? "" : row.path(),
        row.path() == null ? "" : row.method(),
        row.profile(),
        row.origin());
  }

  private static String column(ReportDocument.Row row) {
    return row.profile() + " @ " + row.origin();
  }

  private static String displayName(ReportDocument.Row row) {
    String name = row.name() == null || row.name().isEmpty() ? row.id() : row.name();
    return row.path() == null ? name : name + " (" + row.method() + " " + row.path() + ")";
  }

  private static String symbol(String verdict) {
    return switch (verdict) {
      case "PASS" -> "✓";
      case "FAIL" -> "✗";
      case "ERROR" -> "!";
      default -> "–";
    };
  }

  private static String date(String instant) {
    return instant == null || instant.length() < 10
        ? String.valueOf(instant)
        : instant.substring(0, 10);
  }

  private static final String CSS =
      """
      :root { color-scheme: light; --pass: #1a7f37; --fail: #c62828; --error: #9a6700; }
      body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0;
        color: #1f2328; background: #fff; }
      main { padding: 12px; max-width: 100%; box-sizing: border-box; }
      h1 { font-size: 1.4em; margin: 0.2em 0; }
      .meta, .legend { color: #57606a; }
      .note { background: #fff8c5; border-left: 4px solid #9a6700; padding: 6px 10px; }
      .scroll { overflow-x: auto; max-width: 100%; }
      table { border-collapse: collapse; }
      th, td { border: 1px solid #d0d7de; padding: 4px 6px; vertical-align: top; text-align: left; }
      thead th { background: #f6f8fa; position: sticky; top: 0; }
      tbody th { position: sticky; left: 0; background: #fff; min-width: 8em; max-width: 14em; }
      .name { display: block; font-weight: 600; }
      .links { display: block; font-weight: normal; font-size: 0.85em; }
      .v { display: inline-block; padding: 0 4px; margin: 1px; border-radius: 3px;
        font-size: 0.85em; white-space: nowrap; border: 1px solid currentColor; }
      .v.PASS { color: var(--pass); } .v.FAIL { color: var(--fail); font-weight: 700; }
      .v.ERROR { color: var(--error); } .v.SKIPPED, .v.UNFINISHED, .v.NONE { color: #57606a; }
      summary { cursor: pointer; list-style: none; }
      summary::-webkit-details-marker { display: none; }
      .cause { white-space: pre-wrap; font-size: 0.85em; max-width: 28em; margin-top: 4px; }
      .since, .carried { display: block; font-size: 0.75em; color: #57606a; }
      .carried { color: var(--error); }
      .none { color: #8c959f; font-size: 0.85em; }
      .strip { display: flex; gap: 1px; list-style: none; margin: 0; padding: 0; }
      .strip li { font-size: 0.7em; padding: 0 2px; margin: 0; border-radius: 2px; }
      pre { white-space: pre-wrap; word-break: break-all; font-size: 0.85em; background: #f6f8fa;
        padding: 4px; }
      @media (max-width: 600px) { body { font-size: 14px; } main { padding: 6px; }
        tbody th { min-width: 6em; } }
      """;
}
