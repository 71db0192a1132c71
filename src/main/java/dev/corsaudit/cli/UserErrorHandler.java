package dev.corsaudit.cli;

import dev.corsaudit.model.Setting;
import dev.corsaudit.model.UserException;
import dev.corsaudit.result.Redactor;
import picocli.CommandLine;

/**
 * A failure the user caused (bad file, bad value) prints one line and exits 2. Anything else is a
 * bug: one line too, and the stack trace only with --debug.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
    if (ex instanceof UserException user) {
      cmd.getErr()
          .println(
              "cors-audit: "
                  + Redactor.redactUrlsIn(user.getMessage())
                  + flagHint(user.setting(), cmd));
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

  /** Core messages name settings, not flags: say which of this command's flags changes it. */
  static String flagHint(Setting setting, CommandLine cmd) {
    if (setting == null) {
      return "";
    }
    String flag =
        switch (setting) {
          case PROVIDERS_FILE -> "--providers";
          case PROVIDER_IDS -> "--only";
          case URL -> "--url";
          case ORIGIN -> "--origin";
          case METHOD -> "--method";
          case HEADER -> "--header";
          case PROFILE -> "--profile";
          case CREDENTIALS -> "--credentials";
          case BROWSER -> "--browser";
        };
    return cmd.getCommandSpec().findOption(flag) == null ? "" : " (" + flag + ")";
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
