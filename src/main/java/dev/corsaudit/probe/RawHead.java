package dev.corsaudit.probe;

import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.HttpTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An HTTP/1.1 response head as it arrived: the status line and every header line byte for byte
 * (ISO-8859-1), each with its own CR LF or bare LF. Nothing is judged here; which lines count is
 * each engine's business (grade's HeaderBlock).
 *
 * @param lines the header lines, without the status line and the empty line that ends the head
 */
record RawHead(String httpVersion, int status, List<String> lines) {

  /**
   * The JDK client's default cap on a response head (jdk.http.maxHeaderSize, 384 KiB): a server
   * that never ends its head costs no more here than on the JDK path.
   */
  static final int MAX_HEAD_BYTES = 384 * 1024;

  RawHead {
    lines = List.copyOf(lines);
  }

  static RawHead read(InputStream in) throws IOException {
    int[] budget = {MAX_HEAD_BYTES};
    String statusLine = line(in, budget);
    if (statusLine == null) {
      throw new ProtocolException("the connection closed before a status line");
    }
    String[] parts = statusLine.strip().split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
      throw new ProtocolException("invalid status line \"" + statusLine.strip() + "\"");
    }
    List<String> lines = new ArrayList<>();
    while (true) {
      String line = line(in, budget);
      if (line == null) {
        throw new ProtocolException("the connection closed inside the response head");
      }
      if (line.equals("\r\n") || line.equals("\n")) {
        return new RawHead(parts[0], Integer.parseInt(parts[1]), lines);
      }
      lines.add(line);
    }
  }

  /** One line up to and including its LF, or null at end of stream before any byte. */
  private static String line(InputStream in, int[] budget) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (--budget[0] < 0) {
        throw new ProtocolException(
            "the response head is larger than " + MAX_HEAD_BYTES + " bytes");
      }
      line.write(b);
      if (b == '\n') {
        return line.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  /**
   * A lenient reading for the report and for framing the body: name and value trimmed of SP/HTAB,
   * lines without a colon left out. Engines read the block their own way from {@link #lines}.
   */
  List<HeaderLine> headers() {
    List<HeaderLine> out = new ArrayList<>();
    for (String raw : lines) {
      String line = raw.endsWith("\n") ? raw.substring(0, raw.length() - 1) : raw;
      line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      int colon = line.indexOf(':');
      if (colon > 0 && !line.startsWith(" ") && !line.startsWith("\t")) {
        out.add(
            new HeaderLine(
                HttpTokens.trimOptionalWhitespace(line.substring(0, colon)),
                HttpTokens.trimOptionalWhitespace(line.substring(colon + 1))));
      }
    }
    return out;
  }
}
