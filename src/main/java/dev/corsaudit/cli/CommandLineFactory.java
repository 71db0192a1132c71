package dev.corsaudit.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** Builds the one picocli {@link CommandLine}: streams, exit-code mapping, error handling. */
public final class CommandLineFactory {

  private CommandLineFactory() {}

  public static CommandLine create(PrintWriter out, PrintWriter err) {
    return configure(new CommandLine(new CorsAuditCommand()), out, err);
  }

  /**
   * The same command line for these arguments. When the first one names a subcommand, only that
   * subcommand is modelled: picocli reflects over every subcommand's options and mixins when the
   * root is built (a fifth of a {@code check --replicas} run, docs/performance.md), and once the
   * first word picked a subcommand it consults no other. The root then keeps what a subcommand
   * shows of it: its name and its standard help options.
   */
  public static CommandLine create(PrintWriter out, PrintWriter err, String... args) {
    Command root = CorsAuditCommand.class.getAnnotation(Command.class);
    if (args.length > 0 && !args[0].equals("help")) {
      for (Class<?> subcommand : root.subcommands()) {
        Command annotation = subcommand.getAnnotation(Command.class);
        if (annotation.name().equals(args[0]) && annotation.aliases().length == 0) {
          CommandSpec spec =
              CommandSpec.wrapWithoutInspection(new CorsAuditCommand())
                  .name(root.name())
                  .mixinStandardHelpOptions(root.mixinStandardHelpOptions());
          CommandLine cmd = new CommandLine(spec);
          cmd.addSubcommand(annotation.name(), subcommand);
          return configure(cmd, out, err);
        }
      }
    }
    return create(out, err);
  }

  private static CommandLine configure(CommandLine cmd, PrintWriter out, PrintWriter err) {
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setExitCodeExceptionMapper(new ExitCodeMapper());
    cmd.setExecutionExceptionHandler(new UserErrorHandler());
    cmd.setParameterExceptionHandler(new UsageErrorHandler());
    return cmd;
  }
}
