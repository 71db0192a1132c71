package dev.corsaudit.cli;

import dev.corsaudit.UserException;
import dev.corsaudit.report.Redactor;
import picocli.CommandLine;

/**
 * A failure the user caused (bad file, bad value) prints one line and exits 2. Anything else is a
 * bug: one line too, and the stack trace only with --debug.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
    if (ex instanceof UserException) {
      cmd.getErr().println("cors-audit: " + Redactor.redactUrlsIn(ex.getMessage()));
      cmd.getErr().flush();
      return ExitCodes.USAGE;
    }
    // Only commands that have --debug suggest it (policy lint and diff do not).
    boolean hasDebug = cmd.getCommandSpec().findOption("--debug") != null;
    cmd.getErr()
        .println(
            "cors-audit: internal error: "
                + Redactor.redactUrlsIn(String.valueOf(ex))
                + (hasDebug
                    ? " (rerun with --debug for the stack trace)"
                    : " (a bug: please report it with the command line)"));
    if (isDebug(parseResult)) {
      // Exception messages may carry a URL with its secrets.
      java.io.StringWriter trace = new java.io.StringWriter();
      ex.printStackTrace(new java.io.PrintWriter(trace));
      cmd.getErr().print(Redactor.redactUrlsIn(trace.toString()));
    }
    cmd.getErr().flush();
    return ExitCodes.INTERNAL;
  }

  private static boolean isDebug(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
      if (pr.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }
}
