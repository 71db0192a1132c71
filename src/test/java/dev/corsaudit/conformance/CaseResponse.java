package dev.corsaudit.conformance;

import dev.corsaudit.model.HeaderLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A response the target server plays back verbatim. Header values may contain {@code {origin}}
 * ({@code {ORIGIN}} for its upper-cased form), replaced by the page's serialized origin at run
 * time. Values keep their leading and trailing whitespace because some cases test exactly that.
 *
 * @param contentType sent as a Content-Type line after {@code headers}, or null for none
 */
public record CaseResponse(int status, List<HeaderLine> headers, String body, String contentType) {

  public static final String ORIGIN_PLACEHOLDER = "{origin}";

  /** The page's origin upper-cased, for the "upper-cased origin must not match" case. */
  public static final String UPPER_ORIGIN_PLACEHOLDER = "{ORIGIN}";

  public CaseResponse {
    headers = List.copyOf(headers);
    body = body == null ? "" : body;
  }

  /** Every header line as it goes on the wire for a page at {@code origin}, Content-Type last. */
  public List<HeaderLine> wireHeaders(String origin) {
    List<HeaderLine> out = new ArrayList<>();
    for (HeaderLine line : headers) {
      String value =
          line.value()
              .replace(ORIGIN_PLACEHOLDER, origin)
              .replace(UPPER_ORIGIN_PLACEHOLDER, origin.toUpperCase(Locale.ROOT));
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
