package dev.corsaudit.cli;

import picocli.CommandLine;

/** One line naming the bad option and where to look, instead of a usage dump. */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    cmd.getErr()
        .println(
            "cors-audit: "
                + ex.getMessage()
                + " (see '"
                + cmd.getCommandSpec().qualifiedName()
                + " --help')");
    cmd.getErr().flush();
    return ExitCodes.USAGE;
  }
}
