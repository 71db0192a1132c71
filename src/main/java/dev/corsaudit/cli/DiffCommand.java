package dev.corsaudit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corsaudit.UserException;
import dev.corsaudit.diff.DiffRenderer;
import dev.corsaudit.diff.RowChange;
import dev.corsaudit.diff.RunDiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
    })
public final class DiffCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD.json")
  Path oldReport;

  @Parameters(index = "1", paramLabel = "NEW.json")
  Path newReport;

  @Option(
      names = "--fail-on",
      paramLabel = "WHEN",
      description = "regression (default), fail, error or never.")
  FailOn failOn = FailOn.REGRESSION;

  @Override
  public Integer call() {
    JsonNode before = readReport(oldReport);
    JsonNode after = readReport(newReport);
    List<RowChange> changes = RunDiff.compare(before, after);
    spec.commandLine()
        .getOut()
        .print(DiffRenderer.markdown(oldReport.toString(), newReport.toString(), changes));
    spec.commandLine().getOut().flush();
    boolean regression = RunDiff.hasRegression(changes);
    return switch (failOn) {
      case NEVER -> ExitCodes.OK;
      case REGRESSION -> regression ? ExitCodes.FAIL : ExitCodes.OK;
      case FAIL, ERROR -> verdictExit(after, failOn);
    };
  }

  private static int verdictExit(JsonNode report, FailOn failOn) {
    boolean error = false;
    for (JsonNode row : report.path("results")) {
      String verdict = row.path("verdict").asText();
      if (verdict.equals("FAIL")) {
        return ExitCodes.FAIL;
      }
      error |= verdict.equals("ERROR");
    }
    return error && failOn == FailOn.ERROR ? ExitCodes.ERROR : ExitCodes.OK;
  }

  static JsonNode readReport(Path path) {
    try {
      JsonNode node = new ObjectMapper().readTree(Files.readString(path));
      if (node == null || !node.path("results").isArray()) {
        throw new UserException(
            path
                + " is not a cors-audit JSON report (no \"results\" array); make it with --format json");
      }
      return node;
    } catch (NoSuchFileException e) {
      throw new UserException("report " + path + " does not exist");
    } catch (IOException e) {
      throw new UserException(
          "cannot read report " + path + ": " + e.getMessage().lines().findFirst().orElse(""));
    }
  }
}
