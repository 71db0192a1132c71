package dev.corsaudit.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corsaudit.browser.DevtoolsSocket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Firefox writes its CORS console messages nowhere a process can read, so we attach over WebDriver
 * BiDi (Firefox's built-in remote agent, --remote-debugging-port), subscribe to log.entryAdded and
 * only then navigate to the page, so no message is missed. Plain JDK WebSocket, no driver.
 */
final class BidiConsole implements AutoCloseable {

  private static final Pattern LISTENING =
      Pattern.compile("WebDriver BiDi listening on (ws://\\S+)");
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(20);

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private DevtoolsSocket socket;

  private BidiConsole() {}

  /** Waits for the agent's address in {@code browserLog}, subscribes, opens {@code pageUrl}. */
  static BidiConsole attachAndOpen(Path browserLog, String pageUrl)
      throws IOException, InterruptedException {
    BidiConsole console = new BidiConsole();
    String address = awaitAddress(browserLog);
    try {
      console.socket = DevtoolsSocket.connect(address + "/session", console::onEvent, STEP_TIMEOUT);
      ObjectNode capabilities = DevtoolsSocket.JSON.createObjectNode();
      capabilities.putObject("capabilities");
      console.call("session.new", capabilities);
      ObjectNode subscribe = DevtoolsSocket.JSON.createObjectNode();
      subscribe.putArray("events").add("log.entryAdded");
      console.call("session.subscribe", subscribe);
      String context = console.topLevelContext();
      console.call(
          "browsingContext.navigate",
          DevtoolsSocket.JSON
              .createObjectNode()
              .put("context", context)
              .put("url", pageUrl)
              .put("wait", "none"));
    } catch (IOException e) {
      console.close();
      throw new IOException(
          "WebDriver BiDi attach to " + address + " failed: " + e.getMessage(), e);
    }
    return console;
  }

  /** The text of every log entry so far (console API calls and CORS errors alike). */
  List<String> lines() {
    return List.copyOf(lines);
  }

  // The first window may not be registered the moment the agent starts listening: ask again.
  private String topLevelContext() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode contexts =
          call("browsingContext.getTree", DevtoolsSocket.JSON.createObjectNode().put("maxDepth", 0))
              .path("contexts");
      if (contexts.size() > 0) {
        return contexts.get(0).path("context").asText();
      }
      Thread.sleep(200);
    }
    throw new IOException("Firefox reported no browsing context within " + STEP_TIMEOUT);
  }

  /** Sends one command and waits for its result; a BiDi error becomes an IOException. */
  private JsonNode call(String method, ObjectNode params) throws IOException {
    JsonNode answer = socket.call(method, params, null);
    if (!"success".equals(answer.path("type").asText())) {
      throw new IOException(method + " failed: " + answer);
    }
    return answer.path("result");
  }

  private void onEvent(JsonNode message) {
    if ("log.entryAdded".equals(message.path("method").asText())) {
      lines.add(message.path("params").path("text").asText());
    }
  }

  private static String awaitAddress(Path browserLog) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(browserLog)) {
        Matcher matcher =
            LISTENING.matcher(Files.readString(browserLog, StandardCharsets.ISO_8859_1));
        if (matcher.find()) {
          return matcher.group(1);
        }
      }
      Thread.sleep(100);
    }
    throw new IOException(
        "Firefox did not announce a WebDriver BiDi address within " + STEP_TIMEOUT);
  }

  @Override
  public void close() {
    if (socket != null) {
      socket.close();
    }
  }
}
