package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.result.AuditRun;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Markdown's summary collapses consecutive rows of one provider and profile that got the same
 * answer; the details and the other formats keep one entry per origin.
 */
class OriginCollapseTest {

  private static String render(ReportFormat format, AuditRun run) throws IOException {
    StringWriter out = new StringWriter();
    Reports.renderer(format, false).render(run, out);
    return out.toString();
  }

  private static List<String> summaryRows(String markdown) {
    return markdown
        .lines()
        .takeWhile(line -> !line.equals("## Details"))
        .filter(line -> line.startsWith("| ") && !line.startsWith("| # "))
        .toList();
  }

  @Test
  void sameAnswerOriginsReadAsOneRow() throws IOException {
    List<String> rows = summaryRows(render(ReportFormat.MARKDOWN, ScenarioFixtures.run()));
    assertEquals(6, rows.size(), String.join("\n", rows));
    assertTrue(
        rows.get(0)
            .startsWith(
                "| 1–3 | Gateway (fetch @ 3 origins: https://a.example, https://b.example,"
                    + " https://c.example)"),
        rows.get(0));
    assertTrue(rows.get(1).startsWith("| 4 | Gateway (fetch @ https://d.example)"), rows.get(1));
    assertTrue(rows.get(2).startsWith("| 5 | SDK Host (custom @ https://a.example)"), rows.get(2));
  }

  @Test
  void detailsKeepEveryOrigin() throws IOException {
    String md = render(ReportFormat.MARKDOWN, ScenarioFixtures.run());
    assertTrue(md.contains("### 1. Gateway (fetch @ https://a.example)"));
    assertTrue(md.contains("### 2. Gateway (fetch @ https://b.example)"));
    assertTrue(md.contains("### 3. Gateway (fetch @ https://c.example)"));
  }

  @Test
  void tableIsNeverCollapsed() throws IOException {
    String table = render(ReportFormat.TABLE, ScenarioFixtures.run());
    for (String origin : List.of("a", "b", "c", "d")) {
      assertTrue(table.contains("gateway     fetch    https://" + origin + ".example"), table);
    }
  }

  @Test
  void aDifferentProviderOrProfileOrAnswerBreaksTheGroup() throws IOException {
    AuditRun full = ScenarioFixtures.run();
    // Rows 1 and 4 of the scenario: same provider and profile, different answers.
    AuditRun split =
        new AuditRun(
            "v", full.generatedAt(), false, List.of(full.results().get(0), full.results().get(3)));
    List<String> rows = summaryRows(render(ReportFormat.MARKDOWN, split));
    assertEquals(2, rows.size());
    assertTrue(rows.get(0).startsWith("| 1 | "), rows.get(0));
    assertTrue(rows.get(1).startsWith("| 2 | "), rows.get(1));
    // Rows 5 and 6 of the scenario: both PASS, same origin, different providers.
    AuditRun providers =
        new AuditRun(
            "v", full.generatedAt(), false, List.of(full.results().get(4), full.results().get(5)));
    assertEquals(2, summaryRows(render(ReportFormat.MARKDOWN, providers)).size());
  }

  @Test
  void sameVerdictAndStatusWithOtherCausesIsNotCollapsed() throws IOException {
    AuditRun full = ScenarioFixtures.run();
    // Row 4 of the scenario fails on a mismatched origin; this one on a missing header.
    var other =
        ScenarioFixtures.row(
            9,
            full.results().get(3).target().provider(),
            "fetch",
            "https://e.example",
            "POST",
            ScenarioFixtures.FETCH,
            ScenarioFixtures.response(
                204, List.of(ScenarioFixtures.h("access-control-allow-origin", "*"))),
            null);
    AuditRun run =
        new AuditRun("v", full.generatedAt(), false, List.of(full.results().get(3), other));
    String md = render(ReportFormat.MARKDOWN, run);
    assertEquals(2, summaryRows(md).size(), md);
    // Not security-probed and no findings: no findings section.
    assertFalse(md.contains("## Security"), md);
  }

  @Test
  void sameOriginTwiceIsNoVariantAndNotNamed() throws IOException {
    AuditRun full = ScenarioFixtures.run();
    AuditRun one = new AuditRun("v", full.generatedAt(), false, List.of(full.results().get(0)));
    String md = render(ReportFormat.MARKDOWN, one);
    List<String> rows = summaryRows(md);
    assertEquals(1, rows.size());
    assertTrue(rows.get(0).startsWith("| 1 | Gateway<br>"), rows.get(0));
    assertFalse(md.contains("Rows differ"));
  }
}
