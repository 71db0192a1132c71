package dev.corsaudit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.model.HeaderLine;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness must put header lines on the wire exactly as a case gives them. */
class RawHttpServerTest {

  @Test
  void writesRepeatedEmptyAndPaddedHeaderLinesVerbatim() throws Exception {
    List<HeaderLine> headers =
        List.of(
            new HeaderLine("Access-Control-Allow-Origin", "*"),
            new HeaderLine("Access-Control-Allow-Origin", "*"),
            new HeaderLine("Access-Control-Allow-Headers", ""),
            new HeaderLine("X-Padded", " * "));
    try (RawHttpServer server =
        RawHttpServer.start(request -> new RawHttpServer.Response(204, headers, new byte[0]))) {
      String response = exchange(server.port(), "OPTIONS /x HTTP/1.1\r\nHost: a\r\n\r\n");

      assertEquals(
          "HTTP/1.1 204 No Content\r\n"
              + "Access-Control-Allow-Origin: *\r\n"
              + "Access-Control-Allow-Origin: *\r\n"
              + "Access-Control-Allow-Headers: \r\n"
              + "X-Padded:  * \r\n"
              + "Connection: close\r\n\r\n",
          response);
    }
  }

  @Test
  void writesRawLinesByteForByteBeforeTheHeaders() throws Exception {
    List<String> raw = List.of("Access-Control-Allow-Origin : *", "X-A: a\u0001\rb", "X-Lf: 1\n");
    try (RawHttpServer server =
        RawHttpServer.start(
            request ->
                new RawHttpServer.Response(
                    204, List.of(new HeaderLine("X-B", "2")), new byte[0], raw))) {
      String response = exchange(server.port(), "OPTIONS /x HTTP/1.1\r\nHost: a\r\n\r\n");

      assertEquals(
          "HTTP/1.1 204 No Content\r\n"
              + "Access-Control-Allow-Origin : *\r\n"
              + "X-A: a\u0001\rb\r\n"
              + "X-Lf: 1\n"
              + "X-B: 2\r\n"
              + "Connection: close\r\n\r\n",
          response);
    }
  }

  @Test
  void readsTheRequestBodyAndHeaders() throws Exception {
    try (RawHttpServer server =
        RawHttpServer.start(
            request ->
                RawHttpServer.Response.text(
                    200,
                    "text/plain",
                    request.method() + " " + request.header("X-A") + " " + request.bodyText()))) {
      String response =
          exchange(server.port(), "POST /r HTTP/1.1\r\nX-A: 1\r\nContent-Length: 5\r\n\r\nhello");

      assertTrue(response.endsWith("\r\n\r\nPOST 1 hello"), response);
    }
  }

  private static String exchange(int port, String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      return all.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
