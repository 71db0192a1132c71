package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.corsaudit.browser.BrowserConfirmation;
import dev.corsaudit.browser.Confirmer;
import dev.corsaudit.browser.XvfbDisplay;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.HeaderLine;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * --browser: the same fetch() in a real browser, from a page at the audited origin, side by side.
 */
@Timeout(180)
class BrowserConfirmationTest {

  @ParameterizedTest
  @CsvSource({
    "chromium,/usr/bin/chromium,Access to fetch at",
    "firefox,/usr/bin/firefox-esr,Cross-Origin Request Blocked"
  })
  void browserAgreesWithTheVerdicts(String browser, String binary, String consolePrefix)
      throws Exception {
    assumeFalse(Boolean.getBoolean("browsers.skip"), "browsers.skip=true");
    assumeTrue(Files.isExecutable(Path.of(binary)), binary + " is not installed");
    CliRun run =
        CliRun.of(
            "check",
            "--replicas",
            "--only",
            "azure,nvidia-nim,xerotier",
            "--profile",
            "fetch",
            "--browser",
            browser,
            "--actual",
            "--format",
            "json");
    assertEquals(1, run.code(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals(java.util.Set.of(), ReportSchema.validate(json));
    String seen = "";
    for (JsonNode row : json.path("results")) {
      JsonNode c = row.path("browser_confirmation");
      seen +=
          row.path("id").asText()
              + "="
              + c.path("verdict").asText()
              + (c.path("agrees").asBoolean() ? "/agrees " : "/DISAGREES ");
    }
    // xerotier is audited from https://app.example.com with credentials: the page really lives
    // there.
    assertEquals("azure=PASS/agrees nvidia-nim=FAIL/agrees xerotier=PASS/agrees ", seen);
    JsonNode nim = json.path("results").get(1).path("browser_confirmation");
    assertTrue(nim.path("console_lines").get(0).asText().startsWith(consolePrefix), nim.toString());
  }

  /**
   * WebKit's confirmer (MiniBrowser on its own Xvfb, the page stood in at the audited origin by a
   * loopback proxy) against a tiny API: one endpoint that allows the request, one that does not.
   * Driven through Confirmer directly, because --browser webkit is wired into check separately.
   */
  @Test
  void webkitConfirmerRunsTheFetchInRealWebKit() throws Exception {
    assumeFalse(Boolean.getBoolean("browsers.skip"), "browsers.skip=true");
    assumeTrue(
        Files.isExecutable(Path.of("/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser")),
        "MiniBrowser (webkit2gtk-driver) is not installed");
    assumeTrue(XvfbDisplay.installed(), "Xvfb is not installed");
    HttpServer api =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    List<String> origins = new CopyOnWriteArrayList<>();
    api.createContext(
        "/",
        exchange -> {
          origins.add(exchange.getRequestHeaders().getFirst("Origin"));
          if (exchange.getRequestURI().getPath().equals("/ok")) {
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            exchange
                .getResponseHeaders()
                .add("Access-Control-Allow-Headers", "authorization, content-type");
          }
          exchange.sendResponseHeaders(
              exchange.getRequestMethod().equals("OPTIONS") ? 204 : 200, -1);
          exchange.close();
        });
    api.start();
    String base = "http://127.0.0.1:" + api.getAddress().getPort();
    List<HeaderLine> headers =
        List.of(
            new HeaderLine("Authorization", "Bearer sk-test"),
            new HeaderLine("Content-Type", "application/json"));
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    try (Confirmer webkit = Confirmer.start("webkit")) {
      CorsRequest request =
          new CorsRequest(
              base + "/ok", "http://app.example.test", "POST", headers, CredentialsMode.OMIT);
      BrowserConfirmation ok = webkit.confirm(request, base + "/ok", body);
      assertEquals("PASS", ok.outcome(), ok.toString());
      assertEquals("webkit", ok.browser());
      assertTrue(ok.version().startsWith("WebKitGTK"), ok.version());

      BrowserConfirmation blocked =
          webkit.confirm(request.withUrl(base + "/blocked"), base + "/blocked", body);
      assertEquals("FAIL", blocked.outcome(), blocked.toString());
      assertEquals(
          List.of(
              "Origin http://app.example.test is not allowed by Access-Control-Allow-Origin."
                  + " Status code: 204",
              "Fetch API cannot load " + base + "/blocked due to access control checks."),
          blocked.consoleLines());
      // The page really lived at the audited origin.
      assertTrue(origins.contains("http://app.example.test"), origins.toString());

      // An https page (stood in with a throw-away certificate) calling an http API: WebKit blocks
      // it as mixed content before any CORS check, loopback included (Chromium exempts loopback).
      BrowserConfirmation mixed =
          webkit.confirm(request.withOrigin("https://app.example.test"), base + "/ok", body);
      assertEquals("ERROR", mixed.outcome(), mixed.toString());
      assertTrue(mixed.detail().contains("mixed content"), mixed.detail());
      assertTrue(
          mixed.consoleLines().get(0).contains("https://app.example.test" + "/__cors_audit_page__")
              && mixed.consoleLines().get(0).contains("requested insecure content"),
          mixed.toString());
    } finally {
      api.stop(0);
    }
  }
}
