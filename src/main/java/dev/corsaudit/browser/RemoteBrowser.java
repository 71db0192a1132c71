package dev.corsaudit.browser;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corsaudit.model.CorsRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What driving either browser has in common: open the stand-in page at the request's origin (once
 * per origin), run the fetch, collect what the console said about CORS.
 */
abstract class RemoteBrowser implements Confirmer {

  protected final BrowserProcess process;
  protected final DevtoolsSocket socket;
  protected final List<String> console = new CopyOnWriteArrayList<>();
  private final String key;
  private final String version;
  private String currentOrigin;

  RemoteBrowser(String key, BrowserProcess process, DevtoolsSocket socket, String version) {
    this.key = key;
    this.process = process;
    this.socket = socket;
    this.version = version;
  }

  /**
   * Loads the stand-in page at origin + {@link FetchScript#PAGE_PATH} and waits until it is there.
   */
  abstract void openPage(String origin) throws IOException, InterruptedException;

  /** Evaluates an expression that resolves to a string, awaiting its promise. */
  abstract String evaluate(String expression) throws IOException;

  @Override
  public BrowserConfirmation confirm(CorsRequest request, String url, byte[] body) {
    try {
      if (!request.origin().equals(currentOrigin)) {
        openPage(request.origin());
        currentOrigin = request.origin();
      }
      console.clear();
      String value = evaluate(FetchScript.of(request, url, body));
      Thread.sleep(200); // the console line arrives just after the rejected promise
      return new BrowserConfirmation(
          key,
          version,
          value.startsWith("PASS") ? "PASS" : "FAIL",
          value.length() > 5 ? value.substring(5) : value,
          corsLines(console));
    } catch (IOException e) {
      return new BrowserConfirmation(key, version, "ERROR", e.getMessage(), List.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new BrowserConfirmation(key, version, "ERROR", "interrupted", List.of());
    }
  }

  /** Only what the browser said about CORS (not favicon misses or the 401 it logs anyway). */
  static List<String> corsLines(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      if (line.contains("CORS") || line.contains("Cross-Origin")) {
        out.add(line);
      }
    }
    return out;
  }

  static ObjectNode obj() {
    return DevtoolsSocket.JSON.createObjectNode();
  }

  @Override
  public void close() {
    socket.close();
    process.close();
  }
}
