package dev.corsaudit.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.OptionSpec;

/**
 * How every command's --help reads: options in four groups (target, request, network, output) in a
 * fixed order instead of one alphabetical list, the width of the terminal, and the exit codes as a
 * two-column list (each command's {@code exitCodeList}).
 */
final class HelpLayout {

  /** Group heading → the options in it, in the order shown. Options not listed go to "Other". */
  static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

  static {
    GROUPS.put(
        "Target (what to audit):",
        List.of("--providers", "--url", "--only", "--replicas", "--reports-dir"));
    GROUPS.put(
        "Request (what the page sends):",
        List.of(
            "--origin",
            "--method",
            "--header",
            "--profile",
            "--credentials",
            "--stream",
            "--actual",
            "--probe-security",
            "--browser",
            "--browser-path",
            "--user-agent"));
    GROUPS.put(
        "Network:",
        List.of(
            "--timeout",
            "--deadline",
            "--retries",
            "--concurrency",
            "--per-host",
            "--insecure",
            "--cacert"));
    GROUPS.put(
        "Output:",
        List.of(
            "--format",
            "--output",
            "--show-skipped",
            "--fail-on",
            "--baseline",
            "--color",
            "--no-color",
            "--verbose",
            "--quiet",
            "--debug"));
  }

  static final String OTHER = "Other:";

  private HelpLayout() {}

  /** Applies the layout to a command and all its subcommands. */
  static void install(CommandLine cmd) {
    cmd.getCommandSpec().usageMessage().autoWidth(true).sortOptions(false);
    if (!cmd.getCommandSpec().usageMessage().exitCodeList().isEmpty()) {
      cmd.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n");
    }
    cmd.getHelpSectionMap()
        .put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING, h -> "");
    cmd.getHelpSectionMap()
        .put(
            CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::groupedOptions);
    for (CommandLine sub : cmd.getSubcommands().values()) {
      install(sub);
    }
  }

  /** The options of a command, grouped under the headings of {@link #GROUPS}. */
  static Map<String, List<OptionSpec>> grouped(List<OptionSpec> options) {
    Map<String, List<OptionSpec>> groups = new LinkedHashMap<>();
    for (String heading : GROUPS.keySet()) {
      groups.put(heading, new ArrayList<>());
    }
    groups.put(OTHER, new ArrayList<>());
    for (String heading : GROUPS.keySet()) {
      for (String name : GROUPS.get(heading)) {
        for (OptionSpec option : options) {
          if (!option.hidden() && option.longestName().equals(name)) {
            groups.get(heading).add(option);
          }
        }
      }
    }
    for (OptionSpec option : options) {
      if (!option.hidden() && groups.values().stream().noneMatch(g -> g.contains(option))) {
        groups.get(OTHER).add(option);
      }
    }
    groups.values().removeIf(List::isEmpty);
    return groups;
  }

  private static String groupedOptions(Help help) {
    List<OptionSpec> options = help.commandSpec().options();
    Help.Layout layout = help.createDefaultLayout();
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, List<OptionSpec>> group : grouped(options).entrySet()) {
      text.append(String.format("%n%s%n", group.getKey()));
      text.append(
          help.optionListExcludingGroups(
              group.getValue(), layout, null, help.createDefaultParamLabelRenderer()));
      layout = help.createDefaultLayout();
    }
    return text.toString();
  }
}
