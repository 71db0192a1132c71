package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.AuditTarget;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table or Markdown report fed row by row (as a streamed run feeds it) prints exactly what the
 * same renderer prints from the whole run: one renderer, two ways in.
 */
class SpooledReportTest {

  static Stream<Arguments> runs() {
    return Stream.of(ReportFormat.TABLE, ReportFormat.MARKDOWN)
        .flatMap(
            format ->
                Stream.of(
                    Arguments.of(format, "seed", ReportFixtures.seedRun()),
                    Arguments.of(format, "scenarios", ScenarioFixtures.run()),
                    Arguments.of(format, "hostile", HostileFixtures.hostileRun()),
                    Arguments.of(format, "secrets", HostileFixtures.secretRun())));
  }

  private static String spooled(ReportFormat format, AuditRun run, boolean complete, RunNotes notes)
      throws Exception {
    List<AuditTarget> targets = run.results().stream().map(AuditResult::target).toList();
    StringWriter out = new StringWriter();
    try (SpooledReport report =
        SpooledReport.open(format, false, notes, TableLayout.DEFAULT, targets)) {
      for (AuditResult result : run.results()) {
        report.row(result);
      }
      // A streamed run hands over its counts and findings (withResults keeps them), not its rows.
      report.print(run.withResults(List.of()), complete, out);
      assertTrue(report.printed());
    }
    return out.toString();
  }

  private static String whole(ReportFormat format, AuditRun run, RunNotes notes) throws Exception {
    StringWriter out = new StringWriter();
    Reports.renderer(format, false, notes).render(run, out);
    return out.toString();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("runs")
  void rowByRowPrintsWhatTheWholeRunPrints(ReportFormat format, String name, AuditRun run)
      throws Exception {
    assertEquals(
        whole(format, run, RunNotes.DEFAULT), spooled(format, run, true, RunNotes.DEFAULT));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("runs")
  void anInterruptedRunIsMarkedIncomplete(ReportFormat format, String name, AuditRun run)
      throws Exception {
    String text = spooled(format, run, false, RunNotes.DEFAULT);
    assertEquals(whole(format, run, RunNotes.DEFAULT.incomplete()), text);
    assertTrue(text.contains(RunNotes.INCOMPLETE_LINE), text);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("runs")
  void printsOnceAndIgnoresLateRows(ReportFormat format, String name, AuditRun run)
      throws Exception {
    List<AuditTarget> targets = run.results().stream().map(AuditResult::target).toList();
    try (SpooledReport report =
        SpooledReport.open(format, false, RunNotes.DEFAULT, TableLayout.DEFAULT, targets)) {
      StringWriter first = new StringWriter();
      report.print(run.withResults(List.of()), true, first);
      for (AuditResult result : run.results()) {
        report.row(result); // a row finishing after an interrupt printed the report
      }
      StringWriter second = new StringWriter();
      report.print(run, true, second);
      assertEquals("", second.toString());
      assertFalse(first.toString().isEmpty());
    }
  }

  @org.junit.jupiter.api.Test
  void onlyTheTableAndMarkdownAreSpooled() {
    assertTrue(SpooledReport.spools(ReportFormat.TABLE));
    assertTrue(SpooledReport.spools(ReportFormat.MARKDOWN));
    for (ReportFormat other : List.of(ReportFormat.JSON, ReportFormat.JUNIT, ReportFormat.SARIF)) {
      assertFalse(SpooledReport.spools(other));
      assertThrows(
          IllegalArgumentException.class,
          () -> SpooledReport.open(other, false, RunNotes.DEFAULT, TableLayout.DEFAULT, List.of()));
    }
  }
}
