package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help: a whole summary, grouped options, exit codes, examples, 80 columns. */
class HelpTest {

  private static List<CommandLine> allCommands() {
    CommandLine root =
        CommandLineFactory.create(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    List<CommandLine> all = new ArrayList<>();
    collect(root, all);
    return all;
  }

  private static void collect(CommandLine cmd, List<CommandLine> all) {
    if (!cmd.getCommandName().equals("help")) {
      all.add(cmd);
    }
    for (CommandLine sub : cmd.getSubcommands().values()) {
      collect(sub, all);
    }
  }

  private static String[] helpArgs(CommandLine cmd) {
    List<String> path = new ArrayList<>();
    for (CommandLine c = cmd; c.getParent() != null; c = c.getParent()) {
      path.add(0, c.getCommandName());
    }
    path.add("--help");
    return path.toArray(String[]::new);
  }

  @Test
  void everyCommandHasSummaryExamplesAndFitsEightyColumns() {
    List<CommandLine> commands = allCommands();
    assertTrue(commands.size() >= 8, "commands found: " + commands.size());
    for (CommandLine cmd : commands) {
      String[] args = helpArgs(cmd);
      CliRun run = CliRun.of(args);
      String name = String.join(" ", args);
      assertEquals(0, run.code(), name + ": " + run.err());
      String[] header = cmd.getCommandSpec().usageMessage().header();
      assertEquals(1, header.length, name + " has a one-line summary");
      assertTrue(run.out().startsWith(header[0] + "\n"), name + " starts with its summary");
      assertTrue(run.out().contains("\nExamples:\n"), name + " has examples");
      String exampleText = run.out().substring(run.out().indexOf("\nExamples:\n"));
      int examples = exampleText.split("\n  # ", -1).length - 1;
      assertTrue(examples >= 3, name + " has 3 or more examples, not " + examples);
      if (!cmd.getCommandSpec().usageMessage().exitCodeList().isEmpty()) {
        assertTrue(run.out().contains("\nExit codes:\n  0 "), name + " lists exit codes");
      }
      for (String line : run.out().split("\n")) {
        assertTrue(line.length() <= 80, name + ": a line over 80 columns: " + line);
      }
      for (CommandLine.Model.PositionalParamSpec p : cmd.getCommandSpec().positionalParameters()) {
        assertTrue(
            p.description().length > 0 && !p.description()[0].isBlank(),
            name + ": parameter " + p.paramLabel() + " has a description");
      }
    }
  }

  @Test
  void rootHelpListsEachCommandWithItsWholeSummary() {
    String out = CliRun.of("--help").out().replaceAll("\\s+", " ");
    for (CommandLine cmd : allCommands()) {
      if (cmd.getParent() != null && cmd.getParent().getParent() == null) {
        String summary = cmd.getCommandSpec().usageMessage().header()[0];
        assertTrue(out.contains(cmd.getCommandName() + " " + summary), "root help: " + summary);
      }
    }
  }

  @Test
  void examplesAndExitCodesNeverWrapToColumnZero() {
    for (CommandLine cmd : allCommands()) {
      String out = CliRun.of(helpArgs(cmd)).out();
      if (!out.contains("\nExit codes:\n")) {
        continue;
      }
      String tail = out.substring(out.indexOf("\nExit codes:\n") + 1);
      for (String line : tail.split("\n")) {
        boolean heading = line.endsWith(":") && !line.startsWith(" ");
        assertTrue(
            line.isEmpty()
                || line.startsWith("  ")
                || heading
                || line.startsWith("A FAIL")
                || line.startsWith("See "),
            cmd.getCommandName() + ": wrapped to column 0: " + line);
      }
    }
  }

  @Test
  void optionsAreGroupedNotAlphabetical() {
    String out = CliRun.of("check", "--help").out();
    int target = out.indexOf("\nTarget (what to audit):\n");
    int request = out.indexOf("\nRequest (what the page sends):\n");
    int network = out.indexOf("\nNetwork:\n");
    int output = out.indexOf("\nOutput:\n");
    assertTrue(0 < target && target < request && request < network && network < output, out);
    assertTrue(out.indexOf("  --replicas ") < request && out.indexOf("  --origin=") > request, out);
    assertTrue(out.contains("http://localhost:3000 "), "an origin example is never split");
  }

  @Test
  void aMistypedCommandGetsASuggestion() {
    CliRun run = CliRun.of("chek");
    assertEquals(ExitCodes.USAGE, run.code());
    assertEquals(
        "cors-audit: unknown command 'chek'; did you mean 'check'? (see 'cors-audit --help')\n",
        run.err());
  }

  @Test
  void aMistypedOptionGetsASuggestion() {
    CliRun run = CliRun.of("check", "--replica");
    assertEquals(ExitCodes.USAGE, run.code());
    assertTrue(
        run.err().contains("unknown option '--replica'; did you mean --replicas?"), run.err());
  }

  @Test
  void enumErrorsListTheValuesAsTyped() {
    CliRun run = CliRun.of("check", "--format", "yaml");
    assertEquals(ExitCodes.USAGE, run.code());
    assertTrue(
        run.err().contains("--format: 'yaml' is not one of table, markdown, json, junit, sarif"),
        run.err());
    assertFalse(run.err().contains("TABLE"), run.err());
  }

  @Test
  void completionScriptIsPrinted() {
    CliRun run = CliRun.of("generate-completion");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("complete -F _complete_cors-audit"), run.out());
    assertTrue(run.out().contains("--replicas"), "options are completed");
  }
}
