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

  public CaseResponse {
    headers = List.copyOf(headers);
    rawHeaders = List.copyOf(rawHeaders);
    body = body == null ? "" : body;
  }

  /** Every header line as it goes on the wire for a page at {@code origin}, Content-Type last. */
  public List<HeaderLine> wireHeaders(String origin) {
    List<HeaderLine> out = new ArrayList<>();
    for (HeaderLine line : headers) {
      out.add(new HeaderLine(line.name(), substitute(line.value(), origin)));
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
