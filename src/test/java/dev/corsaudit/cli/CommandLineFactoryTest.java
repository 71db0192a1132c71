package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The fast path's table of subcommands is the root annotation's list. */
class CommandLineFactoryTest {

  @Test
  void theSubcommandTableIsTheRootsList() {
    Command root = CorsAuditCommand.class.getAnnotation(Command.class);
    Map<String, Class<?>> listed = new LinkedHashMap<>();
    for (Class<?> subcommand : root.subcommands()) {
      String name = subcommand.getAnnotation(Command.class).name();
      if (!name.equals("help") && !name.equals("generate-completion")) {
        listed.put(name, subcommand);
      }
    }
    assertEquals(listed, Map.copyOf(CommandLineFactory.SUBCOMMANDS));
    assertEquals(root.name(), CommandLineFactory.ROOT_NAME);
    assertTrue(root.mixinStandardHelpOptions());
  }

  @Test
  void aSubcommandAloneIsModelledUnderTheRootsName() {
    PrintWriter out = new PrintWriter(new StringWriter());
    CommandLine cmd = CommandLineFactory.create(out, out, "policy", "lint", "x.json");
    assertEquals("cors-audit", cmd.getCommandName());
    assertEquals(java.util.Set.of("policy"), cmd.getSubcommands().keySet());
    assertTrue(cmd.getCommandSpec().optionsMap().containsKey("--version"));
    CommandLine whole = CommandLineFactory.create(out, out, "help");
    assertTrue(
        whole.getSubcommands().keySet().containsAll(CommandLineFactory.SUBCOMMANDS.keySet()));
  }
}
