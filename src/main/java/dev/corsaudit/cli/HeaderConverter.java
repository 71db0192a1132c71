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
    String name = stripHttpWhitespace(text.substring(0, colon));
    if (!name.matches("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+")) {
      throw new CommandLine.TypeConversionException(
          "'" + name + "' is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)");
    }
    // fetch() normalises a header value by stripping HTTP whitespace only (tab, space, CR, LF);
    // String.trim() would also eat other control characters the page really sends.
    return new HeaderLine(name, stripHttpWhitespace(text.substring(colon + 1)));
  }

  static String stripHttpWhitespace(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isHttpWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && isHttpWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isHttpWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }
}
