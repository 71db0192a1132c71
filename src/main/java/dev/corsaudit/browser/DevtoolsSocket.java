package dev.corsaudit.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A JSON command channel to a browser's remote agent over the JDK WebSocket: Chrome DevTools
 * Protocol and WebDriver BiDi both send {"id", "method", "params"} and answer with the same id.
 */
public final class DevtoolsSocket implements AutoCloseable {

  public static final ObjectMapper JSON = new ObjectMapper();

  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final Consumer<JsonNode> events;
  private final StringBuilder partial = new StringBuilder();
  private final Duration timeout;
  private WebSocket socket;

  private DevtoolsSocket(Consumer<JsonNode> events, Duration timeout) {
    this.events = events;
    this.timeout = timeout;
  }

  public static DevtoolsSocket connect(String address, Consumer<JsonNode> events, Duration timeout)
      throws IOException {
    DevtoolsSocket channel = new DevtoolsSocket(events, timeout);
    try {
      channel.socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(URI.create(address), channel.listener())
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IOException(
          "cannot connect to the browser at " + address + ": " + e.getMessage(), e);
    }
    return channel;
  }

  /** Sends a command and waits for its answer (the whole reply message). */
  public JsonNode call(String method, ObjectNode params, String sessionId) throws IOException {
    try {
      return send(method, params, sessionId).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IOException(method + " got no answer from the browser: " + e.getMessage(), e);
    }
  }

  /** Sends a command without waiting (safe to call from an event handler). */
  CompletableFuture<JsonNode> send(String method, ObjectNode params, String sessionId) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    if (sessionId != null) {
      message.put("sessionId", sessionId);
    }
    synchronized (this) {
      socket.sendText(message.toString(), true).join();
    }
    return reply;
  }

  private WebSocket.Listener listener() {
    return new WebSocket.Listener() {
      @Override
      public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
          String text = partial.toString();
          partial.setLength(0);
          dispatch(text);
        }
        webSocket.request(1);
        return null;
      }
    };
  }

  private void dispatch(String text) {
    JsonNode message;
    try {
      message = JSON.readTree(text);
    } catch (IOException e) {
      return;
    }
    if (message.has("id") && !message.has("method")) {
      CompletableFuture<JsonNode> reply = pending.remove(message.path("id").asInt());
      if (reply != null) {
        reply.complete(message);
      }
    } else {
      events.accept(message);
    }
  }

  @Override
  public void close() {
    if (socket != null) {
      socket.abort();
    }
  }
}
