package dev.corsaudit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corsaudit.Main;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * reports/index.html in real headless Chromium: every matrix cell says what latest.json says for
 * each engine, the page asks the network for nothing, it fits a phone's width, and its screenshot
 * is not a blank page's.
 */
@Timeout(180)
class CompatibilityPageBrowserTest {

  private static final String BINARY = System.getProperty("browsers.chromium", "/usr/bin/chromium");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static BrowserProcess process;
  private static DevtoolsSocket socket;
  private static String session;
  private static final List<String> requested = Collections.synchronizedList(new ArrayList<>());
  private static Path reports;

  @BeforeAll
  static void start() throws Exception {
    assumeFalse(Boolean.getBoolean("browsers.skip"), "browsers.skip=true");
    assumeTrue(Files.isExecutable(Path.of(BINARY)), BINARY + " is not installed");
    reports = dir.resolve("reports");
    Files.createDirectories(reports.resolve("history"));
    // Two earlier nights, so the history strips and the "since" dates have something to show.
    for (String night : List.of("2026-11-23.json", "2026-12-01.json")) {
      Path from = Path.of("reports/history").resolve(night);
      if (Files.exists(from)) {
        Files.copy(from, reports.resolve("history").resolve(night));
      }
    }
    int code =
        Main.run(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(new StringWriter(), true),
            "report",
            "--replicas",
            "--reports-dir",
            reports.toString(),
            "--fail-on",
            "never",
            "-q");
    assertEquals(0, code);
    assertTrue(Files.exists(reports.resolve("index.html")), "report writes index.html");

    Path profile = Files.createTempDirectory("cors-audit-page-test");
    process =
        BrowserProcess.start(
            List.of(
                BINARY,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--hide-scrollbars",
                "--remote-debugging-port=0",
                "--user-data-dir=" + profile,
                "about:blank"),
            profile,
            Pattern.compile("DevTools listening on (ws://\\S+)"),
            TIMEOUT);
    socket =
        DevtoolsSocket.connect(
            process.address(),
            event -> {
              if ("Network.requestWillBeSent".equals(event.path("method").asText())) {
                requested.add(event.path("params").path("request").path("url").asText());
              }
            },
            TIMEOUT);
    String target =
        socket
            .call("Target.createTarget", obj().put("url", "about:blank"), null)
            .path("result")
            .path("targetId")
            .asText();
    session =
        socket
            .call("Target.attachToTarget", obj().put("targetId", target).put("flatten", true), null)
            .path("result")
            .path("sessionId")
            .asText();
    socket.call("Network.enable", obj(), session);
    socket.call("Page.enable", obj(), session);
  }

  @AfterAll
  static void stop() {
    if (socket != null) {
      socket.close();
    }
    if (process != null) {
      process.close();
    }
  }

  private static ObjectNode obj() {
    return DevtoolsSocket.JSON.createObjectNode();
  }

  private static void load(String url, int width, int height) throws Exception {
    socket.call(
        "Emulation.setDeviceMetricsOverride",
        obj()
            .put("width", width)
            .put("height", height)
            .put("deviceScaleFactor", 1)
            .put("mobile", width < 600),
        session);
    socket.call("Page.navigate", obj().put("url", url), session);
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if ("complete".equals(evaluate("document.readyState").asText())
          && evaluate("location.href").asText().equals(url)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(url + " did not load");
  }

  private static JsonNode evaluate(String expression) throws IOException {
    JsonNode reply =
        socket.call(
            "Runtime.evaluate",
            obj().put("expression", expression).put("returnByValue", true),
            session);
    return reply.path("result").path("result").path("value");
  }

  private static String page() {
    return reports.resolve("index.html").toUri().toString();
  }

  @Test
  void everyCellSaysWhatTheJsonSays() throws Exception {
    load(page(), 1280, 900);
    JsonNode latest = JSON.readTree(reports.resolve("latest.json").toFile());
    Map<String, String> expected = new LinkedHashMap<>();
    for (JsonNode row : latest.path("results")) {
      String key =
          String.join(
              "|",
              row.path("id").asText(),
              row.path("path").asText(""),
              row.has("path") ? row.path("method").asText() : "",
              row.path("profile").asText(),
              row.path("origin").asText());
      List<String> engines = new ArrayList<>();
      for (String engine : List.of("chromium", "firefox", "webkit")) {
        JsonNode verdict = row.path("engines").path(engine).path("verdict");
        engines.add(
            engine
                + "="
                + (verdict.isMissingNode() ? row.path("verdict").asText() : verdict.asText()));
      }
      expected.put(key, String.join(" ", engines));
    }
    JsonNode cells =
        evaluate(
            "JSON.stringify([...document.querySelectorAll('table.matrix td[data-row-key]')].map(td =>"
                + " [td.dataset.rowKey, ['chromium','firefox','webkit'].map(e => e + '=' +"
                + " td.querySelector('[data-engine=' + e + '] .word').textContent).join(' ')]))");
    Map<String, String> shown = new LinkedHashMap<>();
    for (JsonNode cell : JSON.readTree(cells.asText())) {
      assertTrue(shown.put(cell.get(0).asText(), cell.get(1).asText()) == null, "one cell per row");
    }
    assertEquals(expected.size(), shown.size(), "a cell for every row of latest.json");
    assertEquals(expected, shown);
    assertTrue(expected.values().stream().anyMatch(v -> v.contains("FAIL")), "some FAILs shown");

    // Table semantics: a caption, column headers and a row header per provider.
    assertTrue(evaluate("document.querySelector('table.matrix caption') !== null").asBoolean());
    assertEquals(
        evaluate("document.querySelectorAll('table.matrix tbody tr').length").asInt(),
        evaluate("document.querySelectorAll('table.matrix tbody th[scope=row]').length").asInt());
    // Not colour alone: every verdict is also a word.
    assertEquals(
        0,
        evaluate(
                "[...document.querySelectorAll('td[data-row-key] .v')].filter(v =>"
                    + " !/PASS|FAIL|ERROR|SKIPPED|UNFINISHED/.test(v.textContent)).length")
            .asInt());
    // The cause is behind a click: opening a FAIL cell shows a named cause.
    String cause =
        evaluate(
                "(() => { const d = document.querySelector('td[data-verdict=FAIL] details');"
                    + " d.open = true; return d.querySelector('.cause').innerText; })()")
            .asText();
    assertTrue(cause.matches("(?s).*[A-Z_]{4,}.*"), cause);
    // Every evidence link has its target on the page.
    assertEquals(
        0,
        evaluate(
                "[...document.querySelectorAll('a[href^=\"#evidence-\"]')].filter(a =>"
                    + " !document.getElementById(a.getAttribute('href').slice(1))).length")
            .asInt());
  }

  @Test
  void thePageRequestsNothingFromTheNetwork() throws Exception {
    requested.clear();
    load(page(), 1280, 900);
    Thread.sleep(300);
    List<String> external =
        requested.stream().filter(u -> !u.equals(page()) && !u.startsWith("data:")).toList();
    assertEquals(List.of(), external, "requests besides the page itself");
    assertTrue(requested.contains(page()), "the request log works: " + requested);
    String html = Files.readString(reports.resolve("index.html"));
    assertTrue(!html.contains("<script") && !html.contains("<link"), "no scripts or style sheets");
  }

  @Test
  void itFitsAPhone() throws Exception {
    load(page(), 375, 812);
    int pageWidth = evaluate("document.documentElement.scrollWidth").asInt();
    assertTrue(pageWidth <= 375, "the page scrolls inside the table, not sideways: " + pageWidth);
  }

  @Test
  void theScreenshotIsNotBlank() throws Exception {
    load("about:blank", 1280, 900);
    BufferedImage blank = screenshot();
    load(page(), 1280, 900);
    BufferedImage shown = screenshot();
    assertEquals(blank.getWidth(), shown.getWidth());
    long differing = 0;
    long colored = 0;
    for (int y = 0; y < shown.getHeight(); y++) {
      for (int x = 0; x < shown.getWidth(); x++) {
        int p = shown.getRGB(x, y);
        if (p != blank.getRGB(x, y)) {
          differing++;
        }
        int r = (p >> 16) & 0xff;
        int g = (p >> 8) & 0xff;
        int b = p & 0xff;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
          colored++;
        }
      }
    }
    long pixels = (long) shown.getWidth() * shown.getHeight();
    assertTrue(differing > pixels / 20, "the page differs from a blank page: " + differing);
    assertTrue(colored > pixels / 500, "verdicts are drawn (coloured pixels): " + colored);
  }

  private static BufferedImage screenshot() throws IOException {
    String data =
        socket
            .call("Page.captureScreenshot", obj().put("format", "png"), session)
            .path("result")
            .path("data")
            .asText();
    return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(data)));
  }
}
