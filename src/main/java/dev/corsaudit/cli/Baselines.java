package dev.corsaudit.cli;

import dev.corsaudit.model.UserException;
import dev.corsaudit.report.ReportJson;
import dev.corsaudit.result.ReportDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a JSON report named on the command line (diff's reports, --baseline, latest.json). */
final class Baselines {

  private Baselines() {}

  static ReportDocument read(Path path) {
    String text;
    try {
      text = Files.readString(path);
    } catch (NoSuchFileException e) {
      throw new UserException("report " + path + " does not exist");
    } catch (IOException e) {
      throw new UserException(
          "cannot read report " + path + ": " + e.getMessage().lines().findFirst().orElse(""));
    }
    try {
      return ReportJson.read(text);
    } catch (ReportJson.ReportFormatException e) {
      throw new UserException(path + " is " + e.getMessage() + "; make reports with --format json");
    }
  }
}
