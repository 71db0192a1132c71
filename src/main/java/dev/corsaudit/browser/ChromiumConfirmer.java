package dev.corsaudit.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Headless Chromium over the DevTools protocol. The page is "loaded" from the audited origin by
 * intercepting its request (Fetch.fulfillRequest), so the Origin the browser sends is exactly the
 * configured one, https included, with no DNS, certificate or server involved.
 */
final class ChromiumConfirmer extends RemoteBrowser {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final String session;

  private ChromiumConfirmer(
      BrowserProcess process, DevtoolsSocket socket, String session, String version) {
    super("chromium", process, socket, version);
    this.session = session;
  }

  static ChromiumConfirmer start() throws IOException {
    Path binary = BrowserBinaries.find("chromium", System.getenv("PATH"));
    if (binary == null || !Files.isExecutable(binary)) {
      throw new IOException(
          binary == null ? BrowserBinaries.notFound("chromium") : binary + " is not executable");
    }
    String executable = binary.toString();
    Path profile = Files.createTempDirectory("cors-audit-chromium");
    BrowserProcess process =
        BrowserProcess.start(
            List.of(
                executable,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                // The comparison is about CORS: Local Network Access prompts (a public page calling
                // a
                // loopback replica or a local server) are reported separately as a warning.
                "--disable-features=LocalNetworkAccessChecks",
                "--remote-debugging-port=0",
                "--user-data-dir=" + profile,
                "about:blank"),
            profile,
            LISTENING,
            TIMEOUT);
    ChromiumConfirmer[] self = new ChromiumConfirmer[1];
    DevtoolsSocket socket =
        DevtoolsSocket.connect(
            process.address(),
            event -> {
              if (self[0] != null) {
                self[0].onEvent(event);
              }
            },
            TIMEOUT);
    try {
      String version =
          socket
              .call("Browser.getVersion", obj(), null)
              .path("result")
              .path("product")
              .asText("Chromium");
      String target =
          socket
              .call("Target.createTarget", obj().put("url", "about:blank"), null)
              .path("result")
              .path("targetId")
              .asText();
      String session =
          socket
              .call(
                  "Target.attachToTarget", obj().put("targetId", target).put("flatten", true), null)
              .path("result")
              .path("sessionId")
              .asText();
      self[0] = new ChromiumConfirmer(process, socket, session, version);
      ObjectNode pattern =
          obj().put("urlPattern", "*" + FetchScript.PAGE_PATH + "*").put("requestStage", "Request");
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
      ObjectNode params =
          obj()
              .put("requestId", event.path("params").path("requestId").asText())
              .put("responseCode", 200);
      params
          .putArray("responseHeaders")
          .addObject()
          .put("name", "Content-Type")
          .put("value", "text/html; charset=utf-8");
      params.put(
          "body",
          Base64.getEncoder()
              .encodeToString(FetchScript.PAGE_HTML.getBytes(StandardCharsets.UTF_8)));
      socket.send("Fetch.fulfillRequest", params, session);
    } else if (method.equals("Log.entryAdded")) {
      console.add(event.path("params").path("entry").path("text").asText());
    }
  }

  @Override
  void openPage(String origin) throws IOException, InterruptedException {
    socket.call("Page.navigate", obj().put("url", origin + FetchScript.PAGE_PATH), session);
    waitForOrigin(origin);
  }

  @Override
  String evaluate(String expression) throws IOException {
    JsonNode result =
        socket.call(
            "Runtime.evaluate",
            obj()
                .put("expression", expression)
                .put("awaitPromise", true)
                .put("returnByValue", true),
            session);
    return result.path("result").path("result").path("value").asText("FAIL no result");
  }

  private void waitForOrigin(String origin) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode r =
          socket.call(
              "Runtime.evaluate",
              obj()
                  .put("expression", "document.readyState + ' ' + location.origin")
                  .put("returnByValue", true),
              session);
      if (("complete " + origin).equals(r.path("result").path("result").path("value").asText())) {
        return;
      }
      Thread.sleep(50);
    }
    throw new IOException("the stand-in page at " + origin + " did not load");
  }
}
