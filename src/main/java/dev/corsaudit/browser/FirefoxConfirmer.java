package dev.corsaudit.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Headless Firefox over WebDriver BiDi (its built-in remote agent). As with Chromium, the page's
 * own request is intercepted and answered (network.provideResponse), so the page really lives at
 * the audited origin.
 */
final class FirefoxConfirmer extends RemoteBrowser {

  private static final Duration TIMEOUT = Duration.ofSeconds(45);
  private static final Pattern LISTENING =
      Pattern.compile("WebDriver BiDi listening on (ws://\\S+)");

  /**
   * Quiet, offline-friendly profile: no first-run pages, telemetry, updates or captive portal
   * checks.
   */
  private static final String PREFS =
      String.join(
          "\n",
          "user_pref(\"browser.shell.checkDefaultBrowser\", false);",
          "user_pref(\"browser.startup.homepage_override.mstone\", \"ignore\");",
          "user_pref(\"browser.aboutwelcome.enabled\", false);",
          "user_pref(\"datareporting.policy.dataSubmissionEnabled\", false);",
          "user_pref(\"toolkit.telemetry.enabled\", false);",
          "user_pref(\"app.update.auto\", false);",
          "user_pref(\"app.normandy.enabled\", false);",
          "user_pref(\"network.captive-portal-service.enabled\", false);",
          "user_pref(\"network.connectivity-service.enabled\", false);",
          "user_pref(\"browser.safebrowsing.malware.enabled\", false);",
          "user_pref(\"browser.safebrowsing.phishing.enabled\", false);",
          "user_pref(\"extensions.update.enabled\", false);",
          "user_pref(\"browser.cache.disk.enable\", false);",
          "user_pref(\"browser.cache.memory.enable\", false);",
          "");

  private final String context;

  private FirefoxConfirmer(
      BrowserProcess process, DevtoolsSocket socket, String context, String version) {
    super("firefox", process, socket, version);
    this.context = context;
  }

  static FirefoxConfirmer start() throws IOException {
    Path binary = BrowserBinaries.find("firefox", System.getenv("PATH"));
    if (binary == null || !Files.isExecutable(binary)) {
      throw new IOException(
          binary == null ? BrowserBinaries.notFound("firefox") : binary + " is not executable");
    }
    String executable = binary.toString();
    Path profile = Files.createTempDirectory("cors-audit-firefox");
    Files.writeString(profile.resolve("user.js"), PREFS);
    BrowserProcess process =
        BrowserProcess.start(
            List.of(
                executable,
                "--headless",
                "--no-remote",
                "--profile",
                profile.toString(),
                "--remote-debugging-port=0",
                "about:blank"),
            profile,
            LISTENING,
            TIMEOUT);
    FirefoxConfirmer[] self = new FirefoxConfirmer[1];
    DevtoolsSocket socket =
        DevtoolsSocket.connect(
            process.address() + "/session",
            event -> {
              if (self[0] != null) {
                self[0].onEvent(event);
              }
            },
            TIMEOUT);
    try {
      ObjectNode capabilities = obj();
      capabilities.putObject("capabilities");
      JsonNode session = check(socket.call("session.new", capabilities, null));
      String version =
          "Firefox "
              + session.path("result").path("capabilities").path("browserVersion").asText("");
      ObjectNode subscribe = obj();
      subscribe.putArray("events").add("log.entryAdded").add("network.beforeRequestSent");
      check(socket.call("session.subscribe", subscribe, null));
      String context = topContext(socket);
      ObjectNode intercept = obj();
      intercept.putArray("phases").add("beforeRequestSent");
      intercept
          .putArray("urlPatterns")
          .addObject()
          .put("type", "pattern")
          .put("pathname", FetchScript.PAGE_PATH);
      check(socket.call("network.addIntercept", intercept, null));
      self[0] = new FirefoxConfirmer(process, socket, context, version);
      return self[0];
    } catch (IOException e) {
      socket.close();
      process.close();
      throw e;
    }
  }

  private static String topContext(DevtoolsSocket socket) throws IOException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode contexts =
          check(socket.call("browsingContext.getTree", obj().put("maxDepth", 0), null))
              .path("result")
              .path("contexts");
      if (contexts.size() > 0) {
        return contexts.get(0).path("context").asText();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IOException("Firefox opened no window");
  }

  private void onEvent(JsonNode event) {
    String method = event.path("method").asText();
    JsonNode params = event.path("params");
    if (method.equals("network.beforeRequestSent") && params.path("isBlocked").asBoolean()) {
      ObjectNode response =
          obj()
              .put("request", params.path("request").path("request").asText())
              .put("statusCode", 200)
              .put("reasonPhrase", "OK");
      response
          .putArray("headers")
          .addObject()
          .put("name", "Content-Type")
          .putObject("value")
          .put("type", "string")
          .put("value", "text/html; charset=utf-8");
      response.putObject("body").put("type", "string").put("value", FetchScript.PAGE_HTML);
      socket.send("network.provideResponse", response, null);
    } else if (method.equals("log.entryAdded")) {
      console.add(params.path("text").asText());
    }
  }

  @Override
  void openPage(String origin) throws IOException {
    check(
        socket.call(
            "browsingContext.navigate",
            obj()
                .put("context", context)
                .put("url", origin + FetchScript.PAGE_PATH)
                .put("wait", "complete"),
            null));
  }

  @Override
  String evaluate(String expression) throws IOException {
    ObjectNode evaluate = obj().put("expression", expression).put("awaitPromise", true);
    evaluate.putObject("target").put("context", context);
    JsonNode result = check(socket.call("script.evaluate", evaluate, null));
    return result.path("result").path("result").path("value").asText("FAIL no result");
  }

  private static JsonNode check(JsonNode reply) throws IOException {
    if ("error".equals(reply.path("type").asText())) {
      throw new IOException(reply.path("error").asText() + ": " + reply.path("message").asText());
    }
    return reply;
  }
}
