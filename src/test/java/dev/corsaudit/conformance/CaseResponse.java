package dev.corsaudit.conformance;

import dev.corsaudit.model.HeaderLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A response the target server plays back verbatim. Header values may contain {@code {origin}}
 * ({@code {ORIGIN}} for its upper-cased form), replaced by the page's serialized origin at run
 * time, and {@code {target}} / {@code {target2}}, replaced by the base URLs of the target's two
 * origins (so a redirect's Location can name the same or a second origin). Values keep their
 * leading and trailing whitespace because some cases test exactly that.
 *
 * @param contentType sent as a Content-Type line after {@code headers}, or null for none
 */
public record CaseResponse(int status, List<HeaderLine> headers, String body, String contentType) {

  public static final String ORIGIN_PLACEHOLDER = "{origin}";

  /** The page's origin upper-cased, for the "upper-cased origin must not match" case. */
  public static final String UPPER_ORIGIN_PLACEHOLDER = "{ORIGIN}";

  /** The target's base URL, as {@link ConformanceCase#url} takes it. */
  public static final String TARGET_PLACEHOLDER = "{target}";

  /** The base URL of the target's second origin (same server, other host name). */
  public static final String TARGET2_PLACEHOLDER = "{target2}";

  public CaseResponse {
    headers = List.copyOf(headers);
    body = body == null ? "" : body;
  }

  /**
   * Every header line as it goes on the wire for a page at {@code origin} and a target at {@code
   * target} / {@code target2}, Content-Type last.
   */
  public List<HeaderLine> wireHeaders(String origin, String target, String target2) {
    List<HeaderLine> out = new ArrayList<>();
    for (HeaderLine line : headers) {
      String value =
          line.value()
              .replace(ORIGIN_PLACEHOLDER, origin)
              .replace(UPPER_ORIGIN_PLACEHOLDER, origin.toUpperCase(Locale.ROOT))
              .replace(TARGET2_PLACEHOLDER, target2)
              .replace(TARGET_PLACEHOLDER, target);
      out.add(new HeaderLine(line.name(), value));
    }
    if (contentType != null) {
      out.add(new HeaderLine("Content-Type", contentType));
    }
    return out;
  }

  public boolean isRedirect() {
    return status >= 300 && status < 400;
  }
}
