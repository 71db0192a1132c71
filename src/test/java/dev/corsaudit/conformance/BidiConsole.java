package dev.corsaudit.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Firefox writes its CORS console messages nowhere a process can read, so we attach over WebDriver
 * BiDi (Firefox's built-in remote agent, --remote-debugging-port), subscribe to log.entryAdded and
 * only then navigate to the page, so no message is missed. Plain JDK WebSocket, no driver.
 */
final class BidiConsole implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING =
      Pattern.compile("WebDriver BiDi listening on (ws://\\S+)");
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(20);

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final StringBuilder partial = new StringBuilder();
  private int nextId = 1;
  private WebSocket socket;

  private BidiConsole() {}

  /** Waits for the agent's address in {@code browserLog}, subscribes, opens {@code pageUrl}. */
  static BidiConsole attachAndOpen(Path browserLog, String pageUrl)
      throws IOException, InterruptedException {
    BidiConsole console = new BidiConsole();
    String address = awaitAddress(browserLog);
    try {
      console.socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(URI.create(address + "/session"), console.listener())
              .get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      console.call("session.new", Map.of("capabilities", Map.of()));
      console.call("session.subscribe", Map.of("events", List.of("log.entryAdded")));
      String context = console.topLevelContext();
      console.call(
          "browsingContext.navigate", Map.of("context", context, "url", pageUrl, "wait", "none"));
    } catch (ExecutionException | TimeoutException e) {
      console.close();
      throw new IOException("WebDriver BiDi attach to " + address + " failed: " + e, e);
    }
    return console;
  }

  /** The text of every log entry so far (console API calls and CORS errors alike). */
  List<String> lines() {
    return List.copyOf(lines);
  }

  // The first window may not be registered the moment the agent starts listening: ask again.
  private String topLevelContext()
      throws IOException, InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode contexts = call("browsingContext.getTree", Map.of("maxDepth", 0)).path("contexts");
      if (contexts.size() > 0) {
        return contexts.get(0).path("context").asText();
      }
      Thread.sleep(200);
    }
    throw new IOException("Firefox reported no browsing context within " + STEP_TIMEOUT);
  }

  /** Sends one command and waits for its result; a BiDi error becomes an IOException. */
  private JsonNode call(String method, Map<String, Object> params)
      throws IOException, InterruptedException, ExecutionException, TimeoutException {
    int id;
    synchronized (this) {
      id = nextId++;
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    String message =
        JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params));
    socket.sendText(message, true).get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    JsonNode answer = reply.get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (!"success".equals(answer.path("type").asText())) {
      throw new IOException(method + " failed: " + answer);
    }
    return answer.path("result");
  }

  private WebSocket.Listener listener() {
    return new WebSocket.Listener() {
      @Override
      public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
          onMessage(partial.toString());
          partial.setLength(0);
        }
        webSocket.request(1);
        return null;
      }
    };
  }

  private void onMessage(String text) {
    JsonNode message;
    try {
      message = JSON.readTree(text);
    } catch (IOException e) {
      return;
    }
    if ("log.entryAdded".equals(message.path("method").asText())) {
      lines.add(message.path("params").path("text").asText());
    } else if (message.has("id")) {
      CompletableFuture<JsonNode> reply = pending.remove(message.path("id").asInt());
      if (reply != null) {
        reply.complete(message);
      }
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
      socket.abort();
    }
  }
}
