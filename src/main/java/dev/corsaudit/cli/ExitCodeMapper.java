package dev.corsaudit.cli;

import dev.corsaudit.model.UserException;
import picocli.CommandLine;

/** Maps exceptions that escape a command to exit codes (usage problems are 2). */
final class ExitCodeMapper implements CommandLine.IExitCodeExceptionMapper {
  @Override
  public int getExitCode(Throwable t) {
    if (t instanceof UserException || t instanceof CommandLine.ParameterException) {
      return ExitCodes.USAGE;
    }
    return ExitCodes.USAGE;
  }
}
