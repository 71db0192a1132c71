package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a reviewed golden file. A missing golden fails (as google-java-format's
 * integration test does): a deleted file must not be recreated silently by the test that checks it.
 * Only -Dgolden.update=true writes goldens.
 */
final class Golden {

  static final Path DIR = Path.of("src/test/resources/report/golden");

  private Golden() {}

  static void check(Path file, String actual) throws IOException {
    String normalized = actual.replace("\r\n", "\n");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, normalized, StandardCharsets.UTF_8);
    }
    if (!Files.exists(file)) {
      fail(
          "golden file "
              + file
              + " is missing; rerun with -Dgolden.update=true to write it, then review it");
    }
    assertEquals(
        Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n"),
        normalized,
        "golden " + file);
  }
}
