package dev.corsaudit.cli;

import dev.corsaudit.report.CompatibilityPage;
import dev.corsaudit.report.ReportJson;
import dev.corsaudit.result.ReportDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The reports under reports/history/, for the compatibility page's history strips. */
final class HistoryFiles {

  private HistoryFiles() {}

  /**
   * Every readable history/DATE.json, oldest first. A file that is not a report (or a later one of
   * the same day) is left out: the page shows one report per night.
   */
  static List<CompatibilityPage.Night> read(Path historyDir) {
    List<CompatibilityPage.Night> nights = new ArrayList<>();
    if (!Files.isDirectory(historyDir)) {
      return nights;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(historyDir)) {
      files =
          list.filter(p -> p.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}\\.json"))
              .sorted()
              .toList();
    } catch (IOException e) {
      return nights;
    }
    for (Path file : files) {
      try {
        ReportDocument report = ReportJson.read(Files.readString(file));
        String name = file.getFileName().toString();
        nights.add(new CompatibilityPage.Night(name.substring(0, 10), report));
      } catch (IOException | RuntimeException e) {
        // not a report this version reads: no night in the strip
      }
    }
    return nights;
  }
}
