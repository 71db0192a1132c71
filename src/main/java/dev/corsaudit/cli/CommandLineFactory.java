package dev.corsaudit.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Builds the one picocli {@link CommandLine}: streams, exit-code mapping, error handling. */
public final class CommandLineFactory {

  private CommandLineFactory() {}

  public static CommandLine create(PrintWriter out, PrintWriter err) {
    return configure(new CommandLine(new CorsAuditCommand()), out, err);
  }

  /** The root's name and its standard help options (CorsAuditCommand's annotation says so too). */
  static final String ROOT_NAME = "cors-audit";

  /**
   * The subcommands by name, as CorsAuditCommand lists them, without help and generate-completion
   * (CommandLineFactoryTest holds the two lists equal). Looked up here rather than in the
   * annotations: reading an annotation parses all of its class's annotations, and the root's and
   * the seven subcommands' were a tenth of a {@code check --replicas} run's start.
   */
  static final Map<String, Class<?>> SUBCOMMANDS =
      Map.of(
          "check", CheckCommand.class,
          "report", ReportCommand.class,
          "diff", DiffCommand.class,
          "merge", MergeCommand.class,
          "evidence", EvidenceCommand.class,
          "policy", PolicyCommand.class);

  /**
   * The same command line for these arguments. When the first one names a subcommand, only that
   * subcommand is modelled: picocli reflects over every subcommand's options and mixins when the
   * root is built (a fifth of a {@code check --replicas} run, docs/performance.md), and once the
   * first word picked a subcommand it consults no other. The root then keeps what a subcommand
   * shows of it: its name and its standard help options.
   */
  public static CommandLine create(PrintWriter out, PrintWriter err, String... args) {
    // help and generate-completion describe the whole tree: they need every subcommand.
    Class<?> subcommand = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
    if (subcommand == null) {
      return create(out, err);
    }
    CommandSpec spec =
        CommandSpec.wrapWithoutInspection(new CorsAuditCommand())
            .name(ROOT_NAME)
            .mixinStandardHelpOptions(true);
    CommandLine cmd = new CommandLine(spec);
    cmd.addSubcommand(args[0], subcommand);
    return configure(cmd, out, err);
  }

  private static CommandLine configure(CommandLine cmd, PrintWriter out, PrintWriter err) {
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setAbbreviatedOptionsAllowed(false);
    cmd.setExitCodeExceptionMapper(new ExitCodeMapper());
    cmd.setExecutionExceptionHandler(new UserErrorHandler());
    cmd.setParameterExceptionHandler(new UsageErrorHandler());
    CommandLine completion = cmd.getSubcommands().get("generate-completion");
    if (completion != null) {
      completionHelp(completion);
    }
    HelpLayout.install(cmd);
    return cmd;
  }

  /** picocli's completion command is hidden by default; here it is listed and explained. */
  private static void completionHelp(CommandLine completion) {
    CommandLine.Model.UsageMessageSpec usage = completion.getCommandSpec().usageMessage();
    usage
        .hidden(false)
        .header("Print a bash/zsh completion script for cors-audit.")
        .description(
            "Prints a completion script for bash and zsh on stdout; source it from your shell's"
                + " start-up file (the release archive also ships it as"
                + " completion/cors-audit_completion).")
        .exitCodeList(java.util.Map.of("0", "the script was printed"))
        .footerHeading("%nExamples:%n")
        .footer(
            "  # Try it in the current shell",
            "  source <(cors-audit generate-completion)",
            "",
            "  # Install for bash (new shells)",
            "  dir=~/.local/share/bash-completion/completions; mkdir -p $dir",
            "  cors-audit generate-completion > $dir/cors-audit",
            "",
            "  # zsh: bash completion scripts work after bashcompinit",
            "  autoload -U +X bashcompinit && bashcompinit",
            "  source <(cors-audit generate-completion)");
  }
}
