package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.grade.Grader;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.NetworkError;
import dev.corsaudit.model.NetworkErrorKind;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two kinds of shared network error are two groups, one after the other under one blank line. */
class TableErrorGroupsTest {

  private static AuditResult dns(AuditResult row) {
    Exchange failed =
        Exchange.ofError(
            row.preflight().request(),
            new NetworkError(NetworkErrorKind.DNS, "no such host"),
            ReportFixtures.AT,
            1);
    return AuditResult.graded(
        row.target(), failed, null, Grader.grade(row.target().request(), failed, null));
  }

  @Test
  void eachGroupHasItsHeadlineAndFix() throws Exception {
    List<AuditResult> seed = ReportFixtures.seedRun().results();
    AuditResult refused = seed.get(6);
    AuditRun run =
        new AuditRun(
            ReportFixtures.VERSION,
            ReportFixtures.AT,
            false,
            List.of(refused, refused, dns(seed.get(0)), dns(seed.get(1))));
    StringWriter out = new StringWriter();
    new TableReport(false).render(run, out);
    String text = out.toString();
    assertTrue(text.contains("\n\n2 rows (#1, #2): CONNECT: "), text);
    int fix = text.indexOf("\n   fix: ", text.indexOf("2 rows (#1, #2)"));
    String next = text.substring(text.indexOf('\n', fix + 1) + 1);
    assertTrue(next.startsWith("2 rows (#3, #4): no host resolved: is the network up?\n"), text);
  }
}
