package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentest4j.AssertionFailedError;

/**
 * Golden files for collapsed origins, engine splits, --actual rows, a simple request and the
 * browser-confirmation column, in every format (see {@link ScenarioFixtures}).
 */
class ScenarioGoldenTest {

  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void matchesGolden(ReportFormat format) throws IOException {
    StringWriter out = new StringWriter();
    Reports.renderer(format, false).render(ScenarioFixtures.run(), out);
    Golden.check(
        Golden.DIR.resolve("scenarios." + ReportGoldenTest.extension(format)), out.toString());
  }

  @Test
  void missingGoldenFailsInsteadOfBeingWritten(@TempDir Path dir) {
    assumeFalse(Boolean.getBoolean("golden.update"), "golden.update writes goldens");
    Path file = dir.resolve("gone.txt");
    AssertionFailedError error =
        assertThrows(AssertionFailedError.class, () -> Golden.check(file, "output\n"));
    assertTrue(error.getMessage().contains("missing"), error.getMessage());
    assertFalse(Files.exists(file), "the test must not recreate a deleted golden");
  }

  @Test
  void changedOutputFails(@TempDir Path dir) throws IOException {
    assumeFalse(Boolean.getBoolean("golden.update"), "golden.update writes goldens");
    Path file = dir.resolve("kept.txt");
    Files.writeString(file, "line\r\n");
    Golden.check(file, "line\n");
    assertThrows(AssertionFailedError.class, () -> Golden.check(file, "other\n"));
  }
}
