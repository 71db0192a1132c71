package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * check --replicas as seen on a terminal of 80 and 160 columns (the terminal detection faked at its
 * seam, {@link Terminal#probe}): counts first, skipped rows folded, warnings shown, nothing wider
 * than the terminal or wrapped to column 0, and the progress line cleared before the table.
 */
@Timeout(120)
class TerminalTableTest {

  @AfterEach
  void realTerminal() {
    Terminal.probe = Terminal.JANSI;
    Terminal.env = System.getenv();
  }

  private static void fakeTerminal(int columns, Map<String, String> env) {
    Terminal.probe =
        new Terminal.Probe() {
          @Override
          public boolean isTerminal(int fd) {
            return true;
          }

          @Override
          public int width(int fd) {
            return columns;
          }
        };
    Terminal.env = env;
  }

  @ParameterizedTest
  @ValueSource(ints = {80, 160})
  void theTableFitsTheTerminal(int columns) {
    fakeTerminal(columns, Map.of());
    CliRun run = CliRun.of("check", "--replicas", "--probe-security");
    String[] lines = run.out().split("\n");
    // Colour is on (a terminal, NO_COLOR unset); strip it to measure.
    String plain = run.out().replaceAll("\u001b\\[[0-9;]*m", "");
    assertTrue(run.out().contains("\u001b["), "colour on a terminal");
    String[] plainLines = plain.split("\n");
    assertTrue(plainLines[0].startsWith("Replica data"), plainLines[0]);
    assertTrue(plainLines[2].matches("\\d+ endpoints: \\d+ pass, \\d+ fail, .*"), plainLines[2]);
    assertTrue(plain.contains("   note: LOCAL_NETWORK_ACCESS: "), "warnings shown");
    assertTrue(plain.contains("   note: MISSING_VARY_ORIGIN: "), "warnings shown");
    assertTrue(
        plain.matches("(?s).*\n\\d+ rows? skipped \\(.*--show-skipped lists them\n.*"),
        "skipped rows are folded into one line");
    assertFalse(plain.matches("(?s).* SKIPPED\\b.*"), "no skipped row in the table");
    for (String line : plainLines) {
      assertTrue(line.length() <= columns, "wider than " + columns + ": " + line);
      boolean known =
          line.isEmpty()
              || line.startsWith(" ")
              || Character.isDigit(line.charAt(0))
              || line.matches("# +PROVIDER .*")
              || line.startsWith("Replica data")
              || line.startsWith("Security and policy findings:");
      assertTrue(known, "a line wrapped to column 0: " + line);
    }
    assertEquals(lines.length, plainLines.length);
    // The progress line was drawn, never wider than the terminal, and erased at the end.
    assertTrue(run.err().contains(" done, "), run.err());
    assertTrue(run.err().endsWith("\r\u001b[K"), "progress cleared: " + run.err());
    for (String drawn : run.err().split("\r\u001b\\[K")) {
      assertTrue(drawn.length() < columns, "progress wider than the terminal: " + drawn);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {80})
  void showSkippedListsThemAndNoColorCountsOnlyWhenSet(int columns) {
    fakeTerminal(columns, Map.of("NO_COLOR", ""));
    CliRun run = CliRun.of("check", "--replicas", "--show-skipped", "-q");
    assertTrue(run.out().contains("\u001b["), "an empty NO_COLOR does not count");
    assertTrue(
        run.out().replaceAll("\u001b\\[[0-9;]*m", "").matches("(?s).*\n\\d+ .* SKIPPED\\b.*"),
        run.out());
    assertEquals(
        "cors-audit: providers: providers.yaml (from the current directory)",
        run.err().strip(),
        "quiet: no progress line, only which providers file");

    fakeTerminal(columns, Map.of("NO_COLOR", "1"));
    assertFalse(CliRun.of("check", "--replicas", "-q").out().contains("\u001b["), "NO_COLOR=1");
    fakeTerminal(columns, Map.of("NO_COLOR", "1", "CLICOLOR_FORCE", "1"));
    assertTrue(CliRun.of("check", "--replicas", "-q").out().contains("\u001b["), "CLICOLOR_FORCE");
    fakeTerminal(columns, Map.of());
    assertFalse(CliRun.of("check", "--replicas", "-q", "--color=never").out().contains("\u001b["));
    assertFalse(CliRun.of("check", "--replicas", "-q", "--no-color").out().contains("\u001b["));
  }
}
