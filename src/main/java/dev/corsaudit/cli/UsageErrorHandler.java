package dev.corsaudit.cli;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * One line naming the bad option and where to look, instead of a usage dump: typos get picocli's
 * suggestions ("did you mean"), and enum values are listed as they are typed (lower case).
 */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {

  private static final Pattern ENUM_ERROR =
      Pattern.compile(
          "Invalid value for option '([^']+)': expected one of \\[([^\\]]*)\\]"
              + " \\(case-insensitive\\) but was '(.*)'",
          Pattern.DOTALL);

  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    cmd.getErr()
        .println(
            "cors-audit: "
                + message(ex)
                + " (see '"
                + cmd.getCommandSpec().qualifiedName()
                + " --help')");
    cmd.getErr().flush();
    return ExitCodes.USAGE;
  }

  static String message(CommandLine.ParameterException ex) {
    if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
      String typed = unmatched.getUnmatched().isEmpty() ? "" : unmatched.getUnmatched().get(0);
      List<String> suggestions = unmatched.getSuggestions();
      boolean option = typed.startsWith("-");
      boolean hasSubcommands = !ex.getCommandLine().getSubcommands().isEmpty();
      String what =
          option ? "unknown option" : hasSubcommands ? "unknown command" : "unexpected argument";
      String text = what + " '" + typed + "'";
      if (!suggestions.isEmpty()) {
        // picocli orders suggestions by similarity: the first is the one meant.
        List<String> shown = suggestions.subList(0, 1);
        text += "; did you mean " + quoteAll(shown, option) + "?";
      }
      return text;
    }
    Matcher m = ENUM_ERROR.matcher(ex.getMessage());
    if (m.matches()) {
      String values = m.group(2).toLowerCase(Locale.ROOT).replace(", ", ", ");
      return m.group(1) + ": '" + m.group(3) + "' is not one of " + values;
    }
    return ex.getMessage();
  }

  private static String quoteAll(List<String> names, boolean option) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        text.append(i == names.size() - 1 ? " or " : ", ");
      }
      text.append(option ? names.get(i) : "'" + names.get(i) + "'");
    }
    return text.toString();
  }
}
