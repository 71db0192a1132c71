package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JUnit counts the rows an interrupted run never finished as skipped, with the skipped ones. */
class JunitSkippedTest {

  @Test
  void unfinishedRowsAreSkippedTestCases() throws Exception {
    List<AuditResult> seed = ReportFixtures.seedRun().results();
    AuditRun run =
        new AuditRun(
            ReportFixtures.VERSION,
            ReportFixtures.AT,
            false,
            List.of(seed.get(0), seed.get(7), AuditResult.unfinished(seed.get(1).target())));
    StringWriter out = new StringWriter();
    new JunitReport(RunNotes.DEFAULT).render(run, out);
    assertTrue(
        out.toString().contains("tests=\"3\" failures=\"0\" errors=\"0\" skipped=\"2\""),
        out.toString());
  }
}
