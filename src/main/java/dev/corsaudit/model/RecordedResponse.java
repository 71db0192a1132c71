package dev.corsaudit.model;

import java.util.List;

/**
 * A response as received: status, HTTP version, every header line (repeated names kept separate and
 * in arrival order within a name) and the first bytes of the body.
 *
 * @param bodyHead the first few KiB of the body, decoded as UTF-8 (lossy), or "" when none
 * @param bodyTruncated true when the body was longer than {@code bodyHead}
 * @param rawHeaderLines the header block byte for byte (ISO-8859-1), one element per line with its
 *     own CR LF or bare LF, when the raw HTTP/1.1 recorder took it because the JDK client refused
 *     it; each engine then reads the block with its own parser rules. Null when the JDK client
 *     recorded the response ({@code headers} is then what every engine sees).
 */
public record RecordedResponse(
    int status,
    String httpVersion,
    List<HeaderLine> headers,
    String contentType,
    String bodyHead,
    boolean bodyTruncated,
    List<String> rawHeaderLines) {

  /** For evidence: why the recorded header order is not the server's. */
  public static final String HEADER_ORDER_NOTE =
      "Header names as recorded by the JDK HTTP client: lower-cased and grouped by name in alphabetical"
          + " order, so the order across different names is not the server's; repeated lines of one name"
          + " are kept separate in arrival order.";

  /** For evidence: the header lines of a raw-recorded response are the server's, in its order. */
  public static final String RAW_HEADER_NOTE =
      "Header lines as received, in the server's order: the JDK HTTP client refused this header"
          + " block, so cors-audit's raw HTTP/1.1 recorder took it, and each engine's verdict reads"
          + " these lines with that browser's own HTTP parser rules.";

  public RecordedResponse {
    headers = List.copyOf(headers);
    bodyHead = bodyHead == null ? "" : bodyHead;
    rawHeaderLines = rawHeaderLines == null ? null : List.copyOf(rawHeaderLines);
  }

  /** A response the JDK client recorded. */
  public RecordedResponse(
      int status,
      String httpVersion,
      List<HeaderLine> headers,
      String contentType,
      String bodyHead,
      boolean bodyTruncated) {
    this(status, httpVersion, headers, contentType, bodyHead, bodyTruncated, null);
  }

  /** Whether the raw recorder took this response (its header block is malformed somewhere). */
  public boolean rawHeaderBlock() {
    return rawHeaderLines != null;
  }

  public String header(String name) {
    return HeaderLine.combined(headers, name);
  }

  public boolean isRedirect() {
    return status >= 300 && status < 400;
  }
}
