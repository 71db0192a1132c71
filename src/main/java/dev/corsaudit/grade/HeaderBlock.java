package dev.corsaudit.grade;

import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.HttpTokens;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a raw response header block (as the raw recorder kept it) the way one engine's HTTP parser
 * does: either the header lines that engine sees, or the reason it fails the fetch outright.
 *
 * @param headers the lines as the engine reads them, or null when it refuses the block
 * @param refusal why the engine refuses the block (a network error in that browser), or null
 */
record HeaderBlock(List<HeaderLine> headers, String refusal) {

  static HeaderBlock read(List<String> rawLines, HeaderBlockRules rules) {
    List<String> lines = new ArrayList<>();
    for (String raw : rawLines) {
      String line = withoutTerminator(raw);
      if (line.indexOf('\0') >= 0 && rules.nulIsNetworkError()) {
        return new HeaderBlock(null, "a NUL byte in the header line \"" + printable(line) + "\"");
      }
      if (line.indexOf('\r') < 0) {
        lines.add(line);
        continue;
      }
      switch (rules.bareCr()) {
        case LINE_BREAK -> lines.addAll(List.of(line.split("\r", -1)));
        case SPACE -> lines.add(line.replace('\r', ' '));
        case KEEP -> lines.add(line);
      }
    }
    return new HeaderBlock(parse(lines, rules), null);
  }

  private static List<HeaderLine> parse(List<String> lines, HeaderBlockRules rules) {
    List<HeaderLine> out = new ArrayList<>();
    // Whether the previous line was kept, so an obs-fold continuation has something to join.
    boolean lastKept = false;
    for (String line : lines) {
      if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
        if (lastKept) {
          HeaderLine last = out.remove(out.size() - 1);
          out.add(
              new HeaderLine(
                  last.name(),
                  HttpTokens.trimOptionalWhitespace(
                      last.value() + " " + HttpTokens.trimOptionalWhitespace(line))));
        }
        continue;
      }
      lastKept = false;
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon);
      String trimmedName = HttpTokens.trimOptionalWhitespace(name);
      if (!trimmedName.equals(name)
          && rules.beforeColon() == HeaderBlockRules.BeforeColon.DROP_LINE) {
        continue;
      }
      if (!HttpTokens.isToken(trimmedName)) {
        continue;
      }
      out.add(
          new HeaderLine(
              trimmedName, HttpTokens.trimOptionalWhitespace(line.substring(colon + 1))));
      lastKept = true;
    }
    return out;
  }

  /**
   * The first raw line that names {@code name} (ignoring whitespace before the colon), shown with
   * control bytes escaped: for an engine that found the header missing, the line it did not read.
   */
  static String lineNaming(List<String> rawLines, String name) {
    for (String raw : rawLines) {
      String line = withoutTerminator(raw);
      int colon = line.indexOf(':');
      boolean continuation = line.startsWith(" ") || line.startsWith("\t");
      if (colon > 0
          && !continuation
          && HttpTokens.trimOptionalWhitespace(line.substring(0, colon)).equalsIgnoreCase(name)) {
        return printable(line);
      }
    }
    return null;
  }

  private static String withoutTerminator(String raw) {
    String line = raw.endsWith("\n") ? raw.substring(0, raw.length() - 1) : raw;
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private static String printable(String line) {
    StringBuilder out = new StringBuilder();
    for (char c : line.toCharArray()) {
      out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }
}
