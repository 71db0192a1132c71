package dev.corsaudit.report;

import dev.corsaudit.result.ReportDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The compatibility page's sections below the matrix (evidence, findings) and its style sheet. */
final class PageSections {

  private PageSections() {}

  static void evidence(StringBuilder h, Map<String, List<ReportDocument.Row>> providers) {
    h.append("<h2>Evidence</h2>\n<p>What each endpoint answered. To file an issue with a provider,")
        .append(" <code>cors-audit evidence ID</code> prints the preflight as a curl command, the")
        .append(
            " response verbatim, the verdict with the browsers' console lines and the fix.</p>\n");
    for (Map.Entry<String, List<ReportDocument.Row>> entry : providers.entrySet()) {
      ReportDocument.Row first = entry.getValue().get(0);
      h.append("<section id=\"evidence-")
          .append(Html.anchor(entry.getKey()))
          .append("\"><h3>")
          .append(Html.escape(CompatibilityPage.displayName(first)))
          .append("</h3>\n<pre><code>cors-audit evidence ")
          .append(Html.escape(first.id()))
          .append("</code></pre>\n<ul>\n");
      for (ReportDocument.Row row : entry.getValue()) {
        h.append("<li>").append(Html.escape(CompatibilityPage.column(row))).append(": ");
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

  static void findings(StringBuilder h, ReportDocument latest) {
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

  static final String CSS =
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
