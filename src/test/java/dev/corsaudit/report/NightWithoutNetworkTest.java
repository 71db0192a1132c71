package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.LastGraded;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A night that is mostly ERROR says so, and an ERROR row shows the verdict it last had, in the
 * table, the Markdown and the page; half ERROR is not "mostly".
 */
class NightWithoutNetworkTest {

  private static final List<AuditResult> SEED = ReportFixtures.seedRun().results();
  private static final AuditResult PASS = SEED.get(0);
  private static final AuditResult FAIL = SEED.get(3);
  private static final AuditResult CARRIED =
      SEED.get(6).withLastGraded(new LastGraded("PASS", "2026-11-22T03:00:00Z"));
  private static final AuditResult DOWN = HostileFixtures.hostileRun().results().get(2);
  private static final String LABEL = "last graded PASS on 2026-11-22, ERROR tonight";

  private static AuditRun run(AuditResult... rows) {
    return new AuditRun(ReportFixtures.VERSION, ReportFixtures.AT, false, List.of(rows));
  }

  private static String render(ReportFormat format, AuditRun run) throws Exception {
    StringWriter out = new StringWriter();
    Reports.renderer(format, false).render(run, out);
    return out.toString();
  }

  private static String page(AuditRun run) {
    return CompatibilityPage.render(ReportModel.document(run), List.of());
  }

  @Test
  void theTableSaysMostlyErrorAndTheLastVerdict() throws Exception {
    String table = render(ReportFormat.TABLE, run(PASS, CARRIED, DOWN));
    assertTrue(table.contains("  CONNECT (" + LABEL + ")\n"), table);
    assertTrue(table.contains("\nMostly ERROR: 2 of 3 audited rows could not be graded"), table);
  }

  @Test
  void markdownSaysMostlyErrorAndTheLastVerdict() throws Exception {
    String md = render(ReportFormat.MARKDOWN, run(PASS, CARRIED, DOWN));
    assertTrue(md.contains("\n> **Mostly ERROR: 2 of 3 audited rows"), md);
    assertTrue(md.contains("\n- **Last graded:** " + LABEL + "\n"), md);
    assertTrue(
        md.contains(" | **" + LABEL + "**: connection to localhost:8000 refused (nothing"), md);
  }

  @Test
  void thePageSaysMostlyErrorAndTheLastVerdict() {
    String page = page(run(PASS, CARRIED, DOWN));
    assertTrue(page.contains("<strong>Mostly ERROR.</strong>"));
    assertTrue(page.contains("<span class=\"carried\">" + LABEL + "</span>"), page);
  }

  @Test
  void halfErrorIsNotMostlyError() throws Exception {
    AuditRun half = run(PASS, FAIL, CARRIED, DOWN);
    assertFalse(page(half).contains("Mostly ERROR"));
    assertFalse(render(ReportFormat.TABLE, half).contains("Mostly ERROR"));
    assertFalse(page(ReportFixtures.seedRun()).contains("Mostly ERROR"));
    AuditRun twoOfThree = run(FAIL, CARRIED, DOWN);
    assertTrue(page(twoOfThree).contains("Mostly ERROR"));
  }
}
