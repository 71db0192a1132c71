package dev.corsaudit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corsaudit.BoundedInput;
import dev.corsaudit.UserException;
import dev.corsaudit.diff.DiffRenderer;
import dev.corsaudit.diff.ReportValidator;
import dev.corsaudit.diff.RowChange;
import dev.corsaudit.diff.RunDiff;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
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
      "  1  a regression (PASS→FAIL) with --fail-on regression (default), a row of OLD missing from NEW",
      "     with --fail-on removed, or any FAIL in NEW with --fail-on fail|error",
      "  2  bad usage, an unreadable or invalid report, a report newer than this cors-audit,",
      "     or a NEW report with no rows",
      "  3  an ERROR row in NEW and no FAIL, with --fail-on error",
    })
public final class DiffCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD.json")
  Path oldReport;

  @Parameters(index = "1", paramLabel = "NEW.json")
  Path newReport;

  /** What makes diff exit non-zero; several may be given (--fail-on regression,removed). */
  enum DiffFailOn {
    REGRESSION,
    REMOVED,
    FAIL,
    ERROR,
    NEVER
  }

  /** Reports are read as a stream with this cap, so /dev/zero or a FIFO cannot fill memory. */
  static final long MAX_REPORT_BYTES = 512L << 20;

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
    JsonNode before = readReport(oldReport);
    JsonNode after = readReport(newReport);
    if (after.path("results").isEmpty()) {
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
            case FAIL, ERROR -> verdictExit(after, when == DiffFailOn.ERROR);
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

  private static int verdictExit(JsonNode report, boolean errorsCount) {
    boolean error = false;
    for (JsonNode row : report.path("results")) {
      String verdict = row.path("verdict").asText();
      if (verdict.equals("FAIL")) {
        return ExitCodes.FAIL;
      }
      error |= verdict.equals("ERROR");
    }
    return error && errorsCount ? ExitCodes.ERROR : ExitCodes.OK;
  }

  /**
   * Reads and validates a JSON report: at most {@link #MAX_REPORT_BYTES}, valid against the schema,
   * and of a schema_version this build knows.
   */
  static JsonNode readReport(Path path) {
    JsonNode node;
    try (InputStream in = BoundedInput.open(path, MAX_REPORT_BYTES)) {
      node = new ObjectMapper().readTree(in);
    } catch (BoundedInput.TooLargeException e) {
      throw new UserException(
          "report "
              + path
              + " is larger than "
              + BoundedInput.describe(MAX_REPORT_BYTES)
              + "; is it a cors-audit JSON report?");
    } catch (NoSuchFileException e) {
      throw new UserException("report " + path + " does not exist");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UserException(
          "report "
              + path
              + " is not JSON: "
              + e.getOriginalMessage().lines().findFirst().orElse("")
              + (e.getLocation() == null
                  ? ""
                  : " (line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr()
                      + ")"));
    } catch (IOException e) {
      throw new UserException(
          "cannot read report "
              + path
              + ": "
              + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
    if (node == null || node.isMissingNode()) {
      throw new UserException(
          path + " is empty, not a cors-audit JSON report; make one with --format json");
    }
    List<String> problems = ReportValidator.problems(node);
    if (!problems.isEmpty()) {
      throw new UserException(
          path
              + (problems.get(0).contains("schema_version")
                  ? " cannot be read: "
                  : " is not a cors-audit JSON report (schema): ")
              + String.join("; ", problems)
              + (problems.get(0).contains("schema_version")
                  ? ""
                  : " (make it with --format json)"));
    }
    return node;
  }
}
