package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.browser.BrowserConfirmation;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A row no browser can run (origin null) says so instead of "ERROR (DISAGREES)". */
class BrowserCellTest {

  @Test
  void aRowFromOriginNullIsNotComparable() throws Exception {
    AuditRun scenario = ScenarioFixtures.run();
    AuditResult row =
        scenario.results().get(0).withConfirmation(BrowserConfirmation.notComparable("null"));
    assertNull(row.browserAgrees(), "nothing to agree or disagree with");
    AuditRun run =
        new AuditRun(
            scenario.toolVersion(), scenario.generatedAt(), false, List.of(row), List.of(), false);
    StringWriter table = new StringWriter();
    Reports.renderer(ReportFormat.TABLE, false).render(run, table);
    assertTrue(
        table.toString().contains("n/a: a page cannot be hosted at origin null"), table.toString());
    assertFalse(table.toString().contains("DISAGREES"), table.toString());
    StringWriter md = new StringWriter();
    Reports.renderer(ReportFormat.MARKDOWN, false).render(run, md);
    assertTrue(md.toString().contains("not comparable"), md.toString());
    assertFalse(md.toString().contains("disagrees with"), md.toString());
  }
}
