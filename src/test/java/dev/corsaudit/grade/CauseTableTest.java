package dev.corsaudit.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The README's cause table is the enum's: every code, its kind and description, in order. */
class CauseTableTest {

  @Test
  void readmeListsEveryCauseAsTheEnumDescribesIt() throws IOException {
    List<String> readme = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("README.md"))) {
      if (line.matches("\\| `[A-Z_]+` \\| (FAIL|WARNING|ERROR) \\| .*\\|")) {
        readme.add(line);
      }
    }
    List<String> expected = new ArrayList<>();
    for (CauseCode code : CauseCode.values()) {
      expected.add("| `" + code.name() + "` | " + code.kind() + " | " + code.description() + " |");
    }
    assertEquals(String.join("\n", expected), String.join("\n", readme));
  }

  @Test
  void everyCauseHasATitleAndDescription() {
    for (CauseCode code : CauseCode.values()) {
      assertFalse(code.title().isBlank(), code.name());
      assertFalse(code.description().isBlank(), code.name());
      assertFalse(
          code.title().toLowerCase(Locale.ROOT).contains("todo"), code.name() + " " + code.title());
    }
  }

  @Test
  void onlyWarningsAreEngineSplits() {
    for (CauseCode code : CauseCode.values()) {
      if (code.engineSplit()) {
        assertEquals(CauseCode.Kind.WARNING, code.kind(), code.name());
      }
    }
  }
}
