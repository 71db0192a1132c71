package dev.corsaudit.grade;

import dev.corsaudit.fetch.FetchMethods;
import dev.corsaudit.model.HeaderLine;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetch "extract header list values" for Access-Control-Allow-Methods / -Headers: every line split
 * on commas, blanks skipped, every element a token — or a parse failure that blocks the request.
 */
final class HeaderLists {

  /** The parsed list, or the first element that is not a token. Null list = header absent. */
  record Parsed(List<String> values, String invalidElement) {
    boolean failed() {
      return invalidElement != null;
    }

    boolean absent() {
      return values == null && invalidElement == null;
    }
  }

  private HeaderLists() {}

  static Parsed parse(List<HeaderLine> headers, String name) {
    List<String> lines = HeaderLine.values(headers, name);
    if (lines.isEmpty()) {
      return new Parsed(null, null);
    }
    List<String> values = new ArrayList<>();
    for (String line : lines) {
      for (String element : line.split(",", -1)) {
        String item = element.strip();
        if (item.isEmpty()) {
          continue;
        }
        if (!FetchMethods.isToken(item)) {
          return new Parsed(null, item);
        }
        values.add(item);
      }
    }
    return new Parsed(values, null);
  }
}
