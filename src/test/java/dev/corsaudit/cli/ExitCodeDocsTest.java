package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exit code 5 (nothing audited) is documented wherever exit codes are: --help and the README. */
class ExitCodeDocsTest {

  private static String help(String... command) {
    List<String> args = new java.util.ArrayList<>(List.of(command));
    args.add("--help");
    return CliRun.of(args.toArray(String[]::new)).out();
  }

  @Test
  void everyAuditingCommandDocumentsFive() throws Exception {
    for (String[] command :
        List.of(
            new String[] {},
            new String[] {"check"},
            new String[] {"report"},
            new String[] {"evidence"},
            new String[] {"diff"})) {
      String text = command.length == 0 ? CliRun.of("--help").out() : help(command);
      assertTrue(
          text.lines()
              .anyMatch(
                  l ->
                      l.strip().startsWith(ExitCodes.NOTHING_AUDITED + " ")
                          || l.contains(" " + ExitCodes.NOTHING_AUDITED + " nothing was audited")),
          String.join(" ", command) + " --help:\n" + text);
    }
    String readme = Files.readString(Path.of("README.md"));
    assertTrue(
        readme.contains("| " + ExitCodes.NOTHING_AUDITED + " | nothing was audited"), "README");
  }
}
