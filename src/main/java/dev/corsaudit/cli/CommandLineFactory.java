package dev.corsaudit.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the one picocli {@link CommandLine}: streams, exit-code mapping, error handling. */
public final class CommandLineFactory {

  private CommandLineFactory() {}

  public static CommandLine create(PrintWriter out, PrintWriter err) {
    CommandLine cmd = new CommandLine(new CorsAuditCommand());
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setAbbreviatedOptionsAllowed(false);
    cmd.setExitCodeExceptionMapper(new ExitCodeMapper());
    cmd.setExecutionExceptionHandler(new UserErrorHandler());
    cmd.setParameterExceptionHandler(new UsageErrorHandler());
    completionHelp(cmd.getSubcommands().get("generate-completion"));
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
