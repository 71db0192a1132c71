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

  private static final java.util.regex.Pattern NAME =
      java.util.regex.Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:-(\\d+))?\\.json");

  private HistoryFiles() {}

  /**
   * Every readable history/DATE.json, oldest first, one per night: the day's last complete run
   * (DATE-2.json after DATE.json; DATE-incomplete files are left out, as is a file that is not a
   * report this version reads).
   */
  static List<CompatibilityPage.Night> read(Path historyDir) {
    List<CompatibilityPage.Night> nights = new ArrayList<>();
    if (!Files.isDirectory(historyDir)) {
      return nights;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(historyDir)) {
      files = list.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).toList();
    } catch (IOException e) {
      return nights;
    }
    java.util.TreeMap<String, Path> lastOfDay = new java.util.TreeMap<>();
    java.util.Map<String, Integer> run = new java.util.HashMap<>();
    for (Path file : files) {
      java.util.regex.Matcher m = NAME.matcher(file.getFileName().toString());
      m.matches();
      int n = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
      if (n > run.getOrDefault(m.group(1), 0)) {
        run.put(m.group(1), n);
        lastOfDay.put(m.group(1), file);
      }
    }
    for (java.util.Map.Entry<String, Path> night : lastOfDay.entrySet()) {
      try {
        ReportDocument report = ReportJson.read(Files.readString(night.getValue()));
        nights.add(new CompatibilityPage.Night(night.getKey(), report));
      } catch (IOException | RuntimeException e) {
        // not a report this version reads: no night in the strip
      }
    }
    return nights;
  }
}
