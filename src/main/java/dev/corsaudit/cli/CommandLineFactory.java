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
    cmd.setExitCodeExceptionMapper(new ExitCodeMapper());
    cmd.setExecutionExceptionHandler(new UserErrorHandler());
    cmd.setParameterExceptionHandler(new UsageErrorHandler());
    return cmd;
  }
}
