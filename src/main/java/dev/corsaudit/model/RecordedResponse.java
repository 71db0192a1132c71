package dev.corsaudit.model;

import java.util.List;

/**
 * A response as received: status, HTTP version, every header line (repeated names kept separate and
 * in arrival order within a name) and the first bytes of the body.
 *
 * @param bodyHead the first few KiB of the body, decoded as UTF-8 (lossy), or "" when none
 * @param bodyTruncated true when the body was longer than {@code bodyHead}
 */
public record RecordedResponse(
    int status,
    String httpVersion,
    List<HeaderLine> headers,
    String contentType,
    String bodyHead,
    boolean bodyTruncated) {

  /** For evidence: why the recorded header order is not the server's. */
  public static final String HEADER_ORDER_NOTE =
      "Header names as recorded by the JDK HTTP client: lower-cased and grouped by name in alphabetical"
          + " order, so the order across different names is not the server's; repeated lines of one name"
          + " are kept separate in arrival order.";

  public RecordedResponse {
    headers = List.copyOf(headers);
    bodyHead = bodyHead == null ? "" : bodyHead;
  }

  public String header(String name) {
    return HeaderLine.combined(headers, name);
  }

  public boolean isRedirect() {
    return status >= 300 && status < 400;
  }
}
