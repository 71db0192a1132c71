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
    header = "Compare two JSON reports: regressions, fixes, changed causes.",
    description = {
      "Compares two JSON reports (check --format json, or reports/latest.json) row by row and"
          + " lists what regressed (PASS→FAIL), what got fixed, and which causes and headers"
          + " changed, as Markdown.",
    },
    exitCodeList = {
      "0:no change the --fail-on setting cares about",
      "1:a regression (PASS→FAIL) with --fail-on regression (the default), or any FAIL in"
          + " NEW.json with --fail-on fail|error",
      "2:bad usage or an unreadable report",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  # What changed since yesterday's nightly report?",
      "  cors-audit diff reports/history/2026-01-01.json reports/latest.json",
      "",
      "  # Before and after a provider's fix, exit 1 on any FAIL left",
      "  cors-audit diff before.json after.json --fail-on fail",
      "",
      "  # Just list the changes, never fail",
      "  cors-audit diff old.json new.json --fail-on never",
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
