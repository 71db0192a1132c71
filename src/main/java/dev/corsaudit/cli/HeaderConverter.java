package dev.corsaudit.cli;

import dev.corsaudit.model.HeaderLine;
import picocli.CommandLine;

/** Parses {@code --header 'Name: value'} the way curl's -H does. */
final class HeaderConverter implements CommandLine.ITypeConverter<HeaderLine> {
  @Override
  public HeaderLine convert(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw new CommandLine.TypeConversionException(
          "'" + text + "' is not a header; write it as 'Name: value'");
    }
    String name = text.substring(0, colon).trim();
    if (!name.matches("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+")) {
      throw new CommandLine.TypeConversionException(
          "'" + name + "' is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)");
    }
    return new HeaderLine(name, text.substring(colon + 1).trim());
  }
}
