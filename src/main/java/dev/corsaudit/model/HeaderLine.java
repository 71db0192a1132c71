package dev.corsaudit.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One header line as it was sent or received. Repeated names stay separate lines, in order, because
 * the CORS rules treat two {@code Access-Control-Allow-Origin} lines differently from one.
 */
public record HeaderLine(String name, String value) {

  public HeaderLine {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  public boolean hasName(String other) {
    return name.equalsIgnoreCase(other);
  }

  /** Every value of {@code name}, in order (case-insensitive name match). */
  public static List<String> values(List<HeaderLine> lines, String name) {
    List<String> out = new ArrayList<>();
    for (HeaderLine line : lines) {
      if (line.hasName(name)) {
        out.add(line.value());
      }
    }
    return out;
  }

  /**
   * The Fetch Standard's "get": all values of {@code name} joined with ", ", or null when absent.
   */
  public static String combined(List<HeaderLine> lines, String name) {
    List<String> values = values(lines, name);
    return values.isEmpty() ? null : String.join(", ", values);
  }

  public static boolean contains(List<HeaderLine> lines, String name) {
    for (HeaderLine line : lines) {
      if (line.hasName(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a comma-separated header (e.g. Vary) lists {@code token}, case-insensitively, across
   * all its lines; "*" counts as listing everything.
   */
  public static boolean listHas(List<HeaderLine> lines, String name, String token) {
    for (String value : values(lines, name)) {
      for (String item : value.split(",")) {
        String trimmed = item.strip();
        if (trimmed.equalsIgnoreCase(token) || trimmed.equals("*")) {
          return true;
        }
      }
    }
    return false;
  }

  public String lowerName() {
    return name.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return name + ": " + value;
  }
}
