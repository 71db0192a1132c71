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
      providers.computeIfAbsent(PageHistory.providerKey(row), k -> new ArrayList<>()).add(row);
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
    PageSections.evidence(h, providers);
    PageSections.findings(h, latest);
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
        .append(PageSections.CSS)
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
        .append(Html.escape(PageHistory.rowKey(row)))
        .append("\" data-verdict=\"")
        .append(Html.escape(row.verdict()))
        .append("\" title=\"")
        .append(Html.escape(hover(row)))
        .append("\"><details><summary>");
    for (String[] engine : ENGINES) {
      String verdict = PageHistory.engineVerdict(row, engine[0]);
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
        .append(Html.escape(PageHistory.lastChange(row, nights)))
        .append("</time></span></td>");
  }

  private static void strip(StringBuilder h, String key, List<Night> nights) {
    h.append("<td><ol class=\"strip\" aria-label=\"history\">");
    int from = Math.max(0, nights.size() - STRIP);
    for (Night night : nights.subList(from, nights.size())) {
      String status = PageHistory.providerStatus(night.report(), key);
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

  static String column(ReportDocument.Row row) {
    return row.profile() + " @ " + row.origin();
  }

  static String displayName(ReportDocument.Row row) {
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
}
