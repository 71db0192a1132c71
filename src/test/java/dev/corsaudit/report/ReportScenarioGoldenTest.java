package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.result.AuditRun;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files for the scenarios the seed run does not cover, in every format. A missing golden
 * fails (as in google-java-format's tests): write it with -Dgolden.update=true and review it.
 */
class ReportScenarioGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/report/golden/scenarios");

  @TestFactory
  Stream<DynamicTest> everyScenarioMatchesItsGoldens() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, AuditRun> scenario : GoldenScenarios.all().entrySet()) {
      for (ReportFormat format : ReportFormat.values()) {
        String name = scenario.getKey() + "." + ReportGoldenTest.extension(format);
        tests.add(DynamicTest.dynamicTest(name, () -> check(scenario.getValue(), format, name)));
      }
    }
    return tests.stream().sorted(java.util.Comparator.comparing(DynamicTest::getDisplayName));
  }

  private static void check(AuditRun run, ReportFormat format, String name) throws IOException {
    StringWriter out = new StringWriter();
    Reports.renderer(format, false).render(run, out);
    String actual = out.toString();
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertTrue(
        Files.exists(file),
        "golden " + file + " is missing: run with -Dgolden.update=true and review it");
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "golden " + file);
  }
}
