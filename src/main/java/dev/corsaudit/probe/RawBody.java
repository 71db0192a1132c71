package dev.corsaudit.probe;

import dev.corsaudit.model.HeaderLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The first bytes of a raw HTTP/1.1 body, framed by Content-Length, chunked coding or the end of
 * the connection, and never more than the body-head limit (what {@link BodyHead} keeps on the JDK
 * path).
 *
 * @param truncated more body followed, or it did not finish in time
 */
record RawBody(String text, boolean truncated) {

  static final RawBody NONE = new RawBody("", false);

  static RawBody read(InputStream in, String method, RawHead head, int limit) throws IOException {
    int status = head.status();
    if (method.equalsIgnoreCase("HEAD") || status < 200 || status == 204 || status == 304) {
      return NONE;
    }
    List<HeaderLine> headers = head.headers();
    String coding = HeaderLine.combined(headers, "Transfer-Encoding");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    boolean more;
    try {
      if (coding != null && coding.toLowerCase(Locale.ROOT).contains("chunked")) {
        more = chunked(in, body, limit);
      } else {
        long length = length(HeaderLine.combined(headers, "Content-Length"));
        more = copy(in, body, length < 0 ? Long.MAX_VALUE : length, limit);
      }
    } catch (SocketTimeoutException | java.io.EOFException cut) {
      // The head arrived; a body cut short or still trickling keeps what came (as the JDK path).
      more = true;
    }
    return new RawBody(new String(body.toByteArray(), StandardCharsets.UTF_8), more);
  }

  /**
   * Copies up to {@code length} bytes but keeps at most {@code limit}; true when some were left.
   */
  private static boolean copy(InputStream in, ByteArrayOutputStream out, long length, int limit)
      throws IOException {
    long left = length;
    while (left > 0) {
      if (out.size() >= limit) {
        return true;
      }
      int b = in.read();
      if (b < 0) {
        return length != Long.MAX_VALUE;
      }
      out.write(b);
      left--;
    }
    return false;
  }

  private static boolean chunked(InputStream in, ByteArrayOutputStream out, int limit)
      throws IOException {
    while (true) {
      String size = sizeLine(in);
      int semicolon = size.indexOf(';');
      long n = length(semicolon < 0 ? size : size.substring(0, semicolon), 16);
      if (n <= 0) {
        return false;
      }
      if (copy(in, out, n, limit)) {
        return true;
      }
      sizeLine(in); // the CRLF after the chunk data
    }
  }

  private static String sizeLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (line.length() > 1024) {
        throw new java.io.EOFException("chunk size line too long");
      }
      line.append((char) b);
    }
    if (b < 0) {
      throw new java.io.EOFException("the body ended inside a chunk");
    }
    return line.toString().strip();
  }

  private static long length(String value) {
    return length(value, 10);
  }

  private static long length(String value, int radix) {
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.split(",")[0].strip(), radix);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
