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
 * @param rawHeaders header lines sent byte for byte before {@code headers} (each followed by CRLF
 *     unless it ends in LF): the malformed lines of case file 19, which a browser's HTTP parser may
 *     accept, re-read or refuse
 */
public record CaseResponse(
    int status,
    List<HeaderLine> headers,
    String body,
    String contentType,
    List<String> rawHeaders) {

  public static final String ORIGIN_PLACEHOLDER = "{origin}";

  /** The page's origin upper-cased, for the "upper-cased origin must not match" case. */
  public static final String UPPER_ORIGIN_PLACEHOLDER = "{ORIGIN}";

  /** The target's base URL, as {@link ConformanceCase#url} takes it. */
  public static final String TARGET_PLACEHOLDER = "{target}";

  /** The base URL of the target's second origin (same server, other host name). */
  public static final String TARGET2_PLACEHOLDER = "{target2}";

  public CaseResponse {
    headers = List.copyOf(headers);
    rawHeaders = List.copyOf(rawHeaders);
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
          substitute(line.value(), origin)
              .replace(TARGET2_PLACEHOLDER, target2)
              .replace(TARGET_PLACEHOLDER, target);
      out.add(new HeaderLine(line.name(), value));
    }
    if (contentType != null) {
      out.add(new HeaderLine("Content-Type", contentType));
    }
    return out;
  }

  /** The raw lines as they go on the wire for a page at {@code origin}, terminators included. */
  public List<String> wireRawHeaders(String origin) {
    List<String> out = new ArrayList<>();
    for (String raw : rawHeaders) {
      String line = substitute(raw, origin);
      out.add(line.endsWith("\n") ? line : line + "\r\n");
    }
    return out;
  }

  private static String substitute(String value, String origin) {
    return value
        .replace(ORIGIN_PLACEHOLDER, origin)
        .replace(UPPER_ORIGIN_PLACEHOLDER, origin.toUpperCase(Locale.ROOT));
  }

  public boolean isRedirect() {
    return status >= 300 && status < 400;
  }
}
