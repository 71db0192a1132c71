package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.corsaudit.result.AuditRun;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Output formats are contracts: each is compared byte for byte with a reviewed file. After an
 * intended change, rerun with -Dgolden.update=true and review the diff before committing.
 */
class ReportGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/report/golden");

  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void matchesGolden(ReportFormat format) throws IOException {
    AuditRun run = ReportFixtures.seedRun();
    StringWriter out = new StringWriter();
    Reports.renderer(format, false).render(run, out);
    String actual = out.toString().replace("\r\n", "\n");
    Path file = GOLDEN.resolve("seed." + extension(format));
    if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertEquals(
        Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n"),
        actual,
        "golden " + file);
  }

  static String extension(ReportFormat format) {
    return switch (format) {
      case TABLE -> "txt";
      case MARKDOWN -> "md";
      case JSON -> "json";
      case JUNIT -> "junit.xml";
      case SARIF -> "sarif.json";
    };
  }
}
