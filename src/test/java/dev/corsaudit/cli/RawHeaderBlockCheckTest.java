package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * End to end: a preflight answered with a space before the colon of Access-Control-Allow-Origin
 * used to be ERROR for every engine (the JDK client refuses it); now the raw recorder takes it and
 * each engine is graded as its parser reads it: Chromium passes, Firefox and WebKit fail.
 */
@Timeout(60)
class RawHeaderBlockCheckTest {

  private static final String PADDED_PREFLIGHT =
      "HTTP/1.1 204 No Content\r\n"
          + "Access-Control-Allow-Origin : *\r\n"
          + "Access-Control-Allow-Methods: POST\r\n"
          + "Access-Control-Allow-Headers: authorization, content-type\r\n"
          + "Connection: close\r\n\r\n";

  @Test
  void eachEngineIsGradedOnItsOwnReadingOfThePaddedName() throws Exception {
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      Thread thread = new Thread(() -> serve(server));
      thread.setDaemon(true);
      thread.start();

      CliRun run =
          CliRun.of(
              "check",
              "--url",
              "http://127.0.0.1:" + server.getLocalPort() + "/v1/chat/completions",
              "--format",
              "json");

      JsonNode json = new ObjectMapper().readTree(run.out());
      assertEquals(java.util.Set.of(), ReportSchema.validate(json));
      JsonNode row = json.path("results").get(0);
      assertEquals("PASS", row.path("verdict").asText(), run.out() + run.err());
      assertEquals("raw-http1", row.path("preflight").path("recorded_by").asText());
      assertEquals(
          "Access-Control-Allow-Origin : *\r\n",
          row.path("preflight").path("raw_header_lines").get(0).asText());
      JsonNode engines = row.path("engines");
      assertEquals("PASS", engines.path("chromium").path("verdict").asText());
      assertEquals("FAIL", engines.path("firefox").path("verdict").asText());
      assertEquals("FAIL", engines.path("webkit").path("verdict").asText());
      assertEquals(
          "MISSING_ALLOW_ORIGIN",
          engines.path("firefox").path("causes").get(0).path("code").asText());
      assertTrue(row.path("warnings").toString().contains("ENGINES_DISAGREE"), row.toString());

      CliRun verbose =
          CliRun.of(
              "check",
              "-v",
              "--url",
              "http://127.0.0.1:" + server.getLocalPort() + "/v1/chat/completions");
      assertTrue(verbose.err().contains("recorded raw (HTTP/1.1)"), verbose.err());
      assertTrue(verbose.err().contains("\n< Access-Control-Allow-Origin : *\n"), verbose.err());
    }
  }

  private static void serve(ServerSocket server) {
    while (!server.isClosed()) {
      try (Socket client = server.accept()) {
        readHead(client.getInputStream());
        client.getOutputStream().write(PADDED_PREFLIGHT.getBytes(StandardCharsets.ISO_8859_1));
        client.getOutputStream().flush();
      } catch (IOException e) {
        // the test ended
      }
    }
  }

  private static void readHead(InputStream in) throws IOException {
    int state = 0;
    int c;
    while (state < 4 && (c = in.read()) != -1) {
      state = (c == '\r' || c == '\n') ? state + 1 : 0;
    }
  }
}
