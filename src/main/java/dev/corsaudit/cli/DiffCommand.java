package dev.corsaudit.cli;

import dev.corsaudit.diff.DiffRenderer;
import dev.corsaudit.diff.RowChange;
import dev.corsaudit.diff.RunDiff;
import dev.corsaudit.model.UserException;
import dev.corsaudit.result.ReportDocument;
import java.io.PrintWriter;
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
      "  1  (also) a row of OLD missing from NEW, with --fail-on removed",
      "  2  bad usage, an unreadable or invalid report, a report newer than this cors-audit,",
      "     or a NEW report with no rows",
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

  /** What makes diff exit non-zero; several may be given (--fail-on regression,removed). */
  enum DiffFailOn {
    REGRESSION,
    REMOVED,
    FAIL,
    ERROR,
    NEVER
  }

  @Option(
      names = "--fail-on",
      paramLabel = "WHEN",
      split = ",",
      defaultValue = "regression",
      description =
          "regression (default), removed (a row of OLD is missing from NEW), fail, error or never;"
              + " comma-separated for several.")
  List<DiffFailOn> failOn;

  @Override
  public Integer call() {
    ReportDocument before = Baselines.read(oldReport);
    ReportDocument after = Baselines.read(newReport);
    if (after.results() == null || after.results().isEmpty()) {
      throw new UserException(
          newReport
              + " has no rows: a run that lost every row is not compared; check how NEW was made");
    }
    List<RowChange> changes = RunDiff.compare(before, after);
    PrintWriter out = spec.commandLine().getOut();
    out.print(DiffRenderer.markdown(oldReport.toString(), newReport.toString(), changes));
    out.flush();
    if (out.checkError()) {
      throw new UserException("cannot write the diff to standard output");
    }
    int verdicts = ExitCodes.forDocument(after);
    int code = ExitCodes.OK;
    for (DiffFailOn when : failOn) {
      int c =
          switch (when) {
            case NEVER -> ExitCodes.OK;
            case REGRESSION -> RunDiff.hasRegression(changes) ? ExitCodes.FAIL : ExitCodes.OK;
            case REMOVED ->
                changes.stream().anyMatch(ch -> ch.kind() == RowChange.Kind.REMOVED)
                    ? ExitCodes.FAIL
                    : ExitCodes.OK;
            case FAIL -> FailOn.FAIL.exitCode(verdicts, false);
            case ERROR -> FailOn.ERROR.exitCode(verdicts, false);
          };
      if (c == ExitCodes.FAIL) {
        return c;
      }
      if (c != ExitCodes.OK) {
        code = c;
      }
    }
    return code;
  }
}
