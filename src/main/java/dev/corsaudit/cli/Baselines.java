package dev.corsaudit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corsaudit.diff.ReportValidator;
import dev.corsaudit.model.BoundedInput;
import dev.corsaudit.model.UserException;
import dev.corsaudit.report.ReportJson;
import dev.corsaudit.result.ReportDocument;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads a JSON report named on the command line (diff's reports, --baseline, latest.json). */
final class Baselines {

  private Baselines() {}

  /** Reports are read with this cap, so /dev/zero or a FIFO cannot fill memory. */
  static final long MAX_REPORT_BYTES = 512L << 20;

  /**
   * Reads a report: at most {@link #MAX_REPORT_BYTES}, valid against the schema ({@link
   * ReportValidator}), of a schema_version this build knows.
   */
  static ReportDocument read(Path path) {
    JsonNode node;
    // Parsed while read, under the cap: /dev/zero fails at its first byte, a FIFO at the cap.
    try (java.io.InputStream in = BoundedInput.open(path, MAX_REPORT_BYTES)) {
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
    try {
      return ReportJson.read(node);
    } catch (ReportJson.ReportFormatException e) {
      throw new UserException(path + " is " + e.getMessage() + "; make reports with --format json");
    }
  }
}
