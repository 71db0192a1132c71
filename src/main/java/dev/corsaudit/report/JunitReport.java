package dev.corsaudit.report;

import dev.corsaudit.grade.Cause;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.Escape;
import dev.corsaudit.result.Redactor;
import dev.corsaudit.result.RowStatus;
import dev.corsaudit.result.RunSummary;
import java.io.IOException;
import java.io.Writer;

/**
 * JUnit XML (the Ant/Surefire dialect CI dashboards read): one testcase per row, named "profile @
 * origin" in class "provider id"; FAIL → failure, ERROR → error, skipped → skipped.
 */
final class JunitReport implements ReportRenderer {

  private final RunNotes notes;

  JunitReport(RunNotes notes) {
    this.notes = notes;
  }

  @Override
  public void render(AuditRun run, Writer out) throws IOException {
    RunSummary summary = run.summary();
    long failures = summary.count(RowStatus.FAIL);
    long errors = summary.count(RowStatus.ERROR);
    long skipped = summary.count(RowStatus.SKIPPED) + summary.count(RowStatus.UNFINISHED);
    // Security findings of CRITICAL or HIGH severity fail their own test case.
    long severe = run.findings().stream().filter(JunitReport::severe).count();
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<testsuite name=\"cors-audit\" tests=\"")
        .append(run.results().size() + run.findings().size())
        .append("\" failures=\"")
        .append(failures + severe)
        .append("\" errors=\"")
        .append(errors)
        .append("\" skipped=\"")
        .append(skipped)
        .append("\" timestamp=\"")
        .append(run.generatedAt())
        .append("\">\n");
    if (notes.insecure() || !notes.complete()) {
      // Surefire's <properties> element: dashboards show them with the suite.
      xml.append("  <properties>\n");
      if (notes.insecure()) {
        xml.append("    <property name=\"insecure\" value=\"true\"/>\n");
      }
      if (!notes.complete()) {
        xml.append("    <property name=\"complete\" value=\"false\"/>\n");
      }
      xml.append("  </properties>\n");
    }
    for (AuditResult result : run.results()) {
      long elapsed = result.mainExchange() == null ? 0 : result.mainExchange().elapsedMs();
      xml.append("  <testcase classname=\"")
          .append(esc(result.target().provider().id()))
          .append("\" name=\"")
          .append(esc(result.target().profile() + " @ " + result.target().request().origin()))
          .append("\" time=\"")
          .append(String.format(java.util.Locale.ROOT, "%.3f", elapsed / 1000.0))
          .append('"');
      String verdict = RowView.verdict(result);
      if (verdict.equals("PASS")) {
        xml.append("/>\n");
        continue;
      }
      xml.append(">\n");
      if (result.verdict() == null) {
        xml.append("    <skipped message=\"").append(esc(result.skipReason())).append("\"/>\n");
      } else {
        String element = verdict.equals("FAIL") ? "failure" : "error";
        Cause first = RowView.firstCause(result);
        xml.append("    <")
            .append(element)
            .append(" type=\"")
            .append(first.code())
            .append("\" message=\"")
            .append(esc(first.code() + ": " + first.message()))
            .append("\">");
        StringBuilder body = new StringBuilder();
        for (Cause cause : result.verdict().causes()) {
          body.append(cause.code())
              .append(": ")
              .append(cause.message())
              .append("\nfix: ")
              .append(cause.fix())
              .append('\n');
        }
        body.append("url: ")
            .append(Redactor.redactUrl(result.target().request().url()))
            .append('\n');
        xml.append(esc(body.toString())).append("</").append(element).append(">\n");
      }
      xml.append("  </testcase>\n");
    }
    for (dev.corsaudit.security.Finding f : run.findings()) {
      xml.append("  <testcase classname=\"")
          .append(esc(f.providerId() + ".security"))
          .append("\" name=\"")
          .append(esc(f.code() + " @ " + f.origin()))
          .append('"');
      String body = f.severity() + ": " + f.message() + "\nfix: " + f.fix() + "\n";
      if (severe(f)) {
        xml.append(">\n    <failure type=\"")
            .append(f.code())
            .append("\" message=\"")
            .append(esc(f.severity() + " " + f.code() + ": " + f.message()))
            .append("\">")
            .append(esc(body))
            .append("</failure>\n  </testcase>\n");
      } else {
        xml.append(">\n    <system-out>")
            .append(esc(body))
            .append("</system-out>\n  </testcase>\n");
      }
    }
    xml.append("</testsuite>\n");
    out.write(xml.toString());
  }

  private static boolean severe(dev.corsaudit.security.Finding f) {
    return f.severity().failsRun();
  }

  static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          // XML 1.0 forbids most control characters even escaped; a hostile server can send them.
          // C1 controls and direction overrides are legal XML but a terminal would obey them.
          if (c != '\n' && c != '\t' && c != '\r' && Escape.isInvisibleControl(c)) {
            out.append('?');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
