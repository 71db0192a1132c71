package dev.corsaudit.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corsaudit.model.CorsRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Headless Chromium over the DevTools protocol. The page is "loaded" from the audited origin by
 * intercepting its request (Fetch.fulfillRequest), so the Origin the browser sends is exactly the
 * configured one, https included, with no DNS, certificate or server involved.
 */
final class ChromiumConfirmer implements Confirmer {

  static final String BINARY = "/usr/bin/chromium";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final BrowserProcess process;
  private final DevtoolsSocket socket;
  private final String session;
  private final String version;
  private final List<String> console = new CopyOnWriteArrayList<>();
  private String currentOrigin;

  private ChromiumConfirmer(BrowserProcess process, DevtoolsSocket socket, String session, String version) {
    this.process = process;
    this.socket = socket;
    this.session = session;
    this.version = version;
  }

  static ChromiumConfirmer start() throws IOException {
    if (!Files.isExecutable(Path.of(BINARY))) {
      throw new IOException(BINARY + " is not installed; install Debian's chromium package (apt-get install chromium)");
    }
    Path profile = Files.createTempDirectory("cors-audit-chromium");
    BrowserProcess process = BrowserProcess.start(List.of(BINARY, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-extensions",
        // The comparison is about CORS: Local Network Access prompts (a public page calling a
        // loopback replica or a local server) are reported separately as a warning.
        "--disable-features=LocalNetworkAccessChecks",
        "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank"), profile, LISTENING, TIMEOUT);
    ChromiumConfirmer[] self = new ChromiumConfirmer[1];
    DevtoolsSocket socket = DevtoolsSocket.connect(process.address(), event -> {
      if (self[0] != null) {
        self[0].onEvent(event);
      }
    }, TIMEOUT);
    try {
      String version = socket.call("Browser.getVersion", obj(), null).path("result").path("product").asText("Chromium");
      String target = socket.call("Target.createTarget", obj().put("url", "about:blank"), null).path("result").path("targetId").asText();
      String session = socket.call("Target.attachToTarget", obj().put("targetId", target).put("flatten", true), null)
          .path("result").path("sessionId").asText();
      self[0] = new ChromiumConfirmer(process, socket, session, version);
      ObjectNode pattern = obj().put("urlPattern", "*" + FetchScript.PAGE_PATH + "*").put("requestStage", "Request");
      ObjectNode fetchParams = obj();
      fetchParams.putArray("patterns").add(pattern);
      socket.call("Fetch.enable", fetchParams, session);
      socket.call("Log.enable", obj(), session);
      socket.call("Network.enable", obj(), session);
      socket.call("Network.setCacheDisabled", obj().put("cacheDisabled", true), session);
      return self[0];
    } catch (IOException e) {
      socket.close();
      process.close();
      throw e;
    }
  }

  private void onEvent(JsonNode event) {
    String method = event.path("method").asText();
    if (method.equals("Fetch.requestPaused")) {
      // The stand-in page: answered by us, at the audited origin.
      ObjectNode params = obj().put("requestId", event.path("params").path("requestId").asText()).put("responseCode", 200);
      params.putArray("responseHeaders").addObject().put("name", "Content-Type").put("value", "text/html; charset=utf-8");
      params.put("body", Base64.getEncoder().encodeToString(FetchScript.PAGE_HTML.getBytes(StandardCharsets.UTF_8)));
      socket.send("Fetch.fulfillRequest", params, session);
    } else if (method.equals("Log.entryAdded")) {
      console.add(event.path("params").path("entry").path("text").asText());
    }
  }

  @Override
  public BrowserConfirmation confirm(CorsRequest request, String url, byte[] body) {
    try {
      if (!request.origin().equals(currentOrigin)) {
        socket.call("Page.navigate", obj().put("url", request.origin() + FetchScript.PAGE_PATH), session);
        waitForOrigin(request.origin());
        currentOrigin = request.origin();
      }
      console.clear();
      JsonNode result = socket.call("Runtime.evaluate", obj().put("expression", FetchScript.of(request, url, body))
          .put("awaitPromise", true).put("returnByValue", true), session);
      String value = result.path("result").path("result").path("value").asText("FAIL no result");
      Thread.sleep(100); // the console line arrives just after the rejected promise
      return new BrowserConfirmation("chromium", version, value.startsWith("PASS") ? "PASS" : "FAIL",
          value.substring(5), corsLines(console));
    } catch (IOException e) {
      return new BrowserConfirmation("chromium", version, "ERROR", e.getMessage(), List.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new BrowserConfirmation("chromium", version, "ERROR", "interrupted", List.of());
    }
  }

  private void waitForOrigin(String origin) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode r = socket.call("Runtime.evaluate", obj().put("expression", "document.readyState + ' ' + location.origin")
          .put("returnByValue", true), session);
      if (("complete " + origin).equals(r.path("result").path("result").path("value").asText())) {
        return;
      }
      Thread.sleep(50);
    }
    throw new IOException("the stand-in page at " + origin + " did not load");
  }

  /** Only what the browser said about CORS (not favicon misses or the 401 it logs anyway). */
  static List<String> corsLines(List<String> console) {
    List<String> out = new ArrayList<>();
    for (String line : console) {
      if (line.contains("CORS") || line.contains("Cross-Origin")) {
        out.add(line);
      }
    }
    return out;
  }

  private static ObjectNode obj() {
    return DevtoolsSocket.JSON.createObjectNode();
  }

  @Override
  public void close() {
    socket.close();
    process.close();
  }
}
