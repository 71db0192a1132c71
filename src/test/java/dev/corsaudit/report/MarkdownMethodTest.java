package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Markdown's "what was sent" paragraph describes the first graded row, not a skipped one. */
class MarkdownMethodTest {

  @Test
  void theMethodIsTheFirstGradedRows() throws Exception {
    List<AuditResult> seed = ReportFixtures.seedRun().results();
    AuditRun run =
        new AuditRun(
            ReportFixtures.VERSION, ReportFixtures.AT, false, List.of(seed.get(7), seed.get(5)));
    StringWriter out = new StringWriter();
    new MarkdownReport().render(run, out);
    String md = out.toString();
    assertTrue(md.contains("for a `fetch()` with the `openai-sdk` header profile:\n"), md);
    assertFalse(md.contains("with the `fetch` header profile"));
  }
}
