package dev.corsaudit.cli;

import dev.corsaudit.diff.DiffRenderer;
import dev.corsaudit.diff.RowChange;
import dev.corsaudit.diff.RunDiff;
import dev.corsaudit.result.ReportDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Compares two JSON reports: what regressed, what got fixed, which causes and headers changed. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = "Compare two JSON reports (check --format json) and list regressions and fixes.",
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  no change the --fail-on setting cares about",
      "  1  a regression (PASS→FAIL) with --fail-on regression (default), or any FAIL in NEW with --fail-on fail|error",
      "  2  bad usage or an unreadable report",
      "  5  NEW audited nothing (every row skipped), unless --fail-on never",
    })
public final class DiffCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "OLD.json",
      description = "The earlier JSON report (check --format json, or reports/latest.json).")
  Path oldReport;

  @Parameters(
      index = "1",
      paramLabel = "NEW.json",
      description = "The later JSON report, compared row by row with OLD.json.")
  Path newReport;

  @Option(
      names = "--fail-on",
      paramLabel = "WHEN",
      description = "regression (default), fail, error or never.")
  FailOn failOn = FailOn.REGRESSION;

  @Override
  public Integer call() {
    ReportDocument before = Baselines.read(oldReport);
    ReportDocument after = Baselines.read(newReport);
    List<RowChange> changes = RunDiff.compare(before, after);
    spec.commandLine()
        .getOut()
        .print(DiffRenderer.markdown(oldReport.toString(), newReport.toString(), changes));
    spec.commandLine().getOut().flush();
    return failOn.exitCode(ExitCodes.forDocument(after), RunDiff.hasRegression(changes));
  }
}
