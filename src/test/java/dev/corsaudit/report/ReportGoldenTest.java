package dev.corsaudit.report;

import dev.corsaudit.result.AuditRun;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Output formats are contracts: each is compared byte for byte with a reviewed file. After an
 * intended change, rerun with -Dgolden.update=true and review the diff before committing. A missing
 * golden file fails the test.
 */
class ReportGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/report/golden");

  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void matchesGolden(ReportFormat format) throws IOException {
    AuditRun run = ReportFixtures.seedRun();
    StringWriter out = new StringWriter();
    Reports.renderer(format, false).render(run, out);
    // A missing golden fails; only -Dgolden.update=true writes one.
    Golden.check(GOLDEN.resolve("seed." + extension(format)), out.toString());
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
