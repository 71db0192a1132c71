package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** End to end through the CLI: replicas, --url, bad input, network failures, exit codes. */
@Timeout(60)
class CheckCommandTest {

  @StartStop public final MockWebServer server = new MockWebServer();

  @Test
  void replicasReproduceTheCompatibilityReport() throws Exception {
    CliRun run =
        CliRun.of(
            "check",
            "--replicas",
            "--only",
            "openrouter,azure,modelstream,nvidia-nim,opencode-zen",
            "--profile",
            "fetch",
            "--format",
            "json");
    assertEquals(1, run.code(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertTrue(json.path("replicas").asBoolean());
    String verdicts = "";
    for (JsonNode row : json.path("results")) {
      verdicts +=
          row.path("id").asText()
              + "="
              + row.path("verdict").asText()
              + ":"
              + row.path("preflight").path("status").asInt()
              + (row.path("causes").isEmpty()
                  ? ""
                  : "/" + row.path("causes").get(0).path("code").asText())
              + " ";
    }
    assertEquals(
        "openrouter=PASS:204 azure=PASS:200 modelstream=PASS:204 nvidia-nim=FAIL:200/VARY_WITHOUT_ALLOW "
            + "opencode-zen=FAIL:404/SPA_FALLBACK ",
        verdicts);
    assertEquals(java.util.Set.of(), ReportSchema.validate(json));
  }

  @Test
  void replicasAsMarkdownFollowTheSeedLayout() {
    CliRun run = CliRun.of("check", "--replicas", "--format", "markdown");
    assertEquals(1, run.code());
    assertTrue(run.out().contains("| # | Endpoint | Status | Verdict | CORS Headers |"));
    assertTrue(
        run.out()
            .contains(
                "| 1 | OpenRouter (fetch @ https://example.com)<br>`https://openrouter.ai/api/v1` | 204 | ✅ PASS |"),
        run.out());
    assertTrue(run.out().contains("No Access-Control-Allow-* headers returned (only Vary: Origin"));
    assertTrue(run.out().contains("OPTIONS falls through to a front-end SPA router"));
    assertTrue(run.out().contains("> **Replica data.**"));
  }

  @Test
  void passingSubsetExitsZero() {
    CliRun run =
        CliRun.of(
            "check", "--replicas", "--only", "openrouter,azure,modelstream", "--profile", "fetch");
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("3 endpoints: 3 pass, 0 fail, 0 error, 0 skipped"), run.out());
  }

  @Test
  void urlModeGradesAnyLocalServer() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(204)
            .addHeader("Access-Control-Allow-Origin", "http://localhost:3000")
            .addHeader("Access-Control-Allow-Headers", "authorization, content-type")
            .addHeader("Vary", "Origin")
            .build());
    CliRun run =
        CliRun.of(
            "check",
            "--url",
            server.url("/v1/chat/completions").toString(),
            "--origin",
            "http://localhost:3000",
            "--format",
            "json");
    assertEquals(0, run.code(), run.out() + run.err());
    JsonNode row = new ObjectMapper().readTree(run.out()).path("results").get(0);
    assertEquals("PASS", row.path("verdict").asText());
    assertEquals("http://localhost:3000", row.path("origin").asText());
    var received = server.takeRequest();
    assertEquals("OPTIONS", received.getMethod());
    assertEquals(
        "authorization,content-type", received.getHeaders().get("Access-Control-Request-Headers"));
  }

  @Test
  void urlModeUsesExactlyTheGivenHeaders() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    CliRun run =
        CliRun.of(
            "check",
            "--url",
            server.url("/v1/x").toString(),
            "-H",
            "X-Custom: 1",
            "--method",
            "PUT",
            "--format",
            "json");
    assertEquals(1, run.code());
    var received = server.takeRequest();
    assertEquals("x-custom", received.getHeaders().get("Access-Control-Request-Headers"));
    assertEquals("PUT", received.getHeaders().get("Access-Control-Request-Method"));
    JsonNode row = new ObjectMapper().readTree(run.out()).path("results").get(0);
    assertEquals("MISSING_ALLOW_ORIGIN", row.path("causes").get(0).path("code").asText());
  }

  @Test
  void badProvidersFileIsOneLocatedLineAndExitTwo(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("p.yaml"),
            "providers:\n  - id: a\n    base_url: https://a.example\n    colour: red\n");
    CliRun run = CliRun.of("check", "--providers", file.toString());
    assertEquals(2, run.code());
    assertEquals(
        "cors-audit: "
            + file
            + ":4:5: unknown key 'colour'; allowed here: actual, api_key_env, base_url, credentials, group,"
            + " id, method, models, name, no_replica, notes, origin, origins, path, paths, policy,"
            + " profiles, replica, replica_only, tracking\n",
        run.err());
    assertEquals("", run.out());
  }

  @Test
  void unknownOptionIsExitTwo() {
    CliRun run = CliRun.of("check", "--frobnicate");
    assertEquals(2, run.code());
    assertTrue(run.err().startsWith("cors-audit: unknown option '--frobnicate'"), run.err());
    assertFalse(run.err().contains("Exception"));
  }

  @Test
  void unreachableHostIsAnErrorRowAndTheRestCompletes(@TempDir Path dir) throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    server.enqueue(
        new MockResponse.Builder()
            .code(204)
            .addHeader("Access-Control-Allow-Origin", "*")
            .addHeader("Access-Control-Allow-Headers", "authorization, content-type")
            .build());
    Path file =
        Files.writeString(
            dir.resolve("p.yaml"),
            "providers:\n"
                + "  - id: down\n    base_url: http://127.0.0.1:"
                + closed
                + "/v1\n"
                + "  - id: nowhere\n    base_url: http://cors-audit-test.invalid/v1\n"
                + "  - id: up\n    base_url: "
                + server.url("/v1")
                + "\n");
    CliRun run =
        CliRun.of("check", "--providers", file.toString(), "--retries", "0", "--timeout", "3s");
    assertEquals(3, run.code(), run.out() + run.err());
    assertTrue(
        run.out()
            .matches(
                "(?s).*1\\s+down\\s+fetch\\s+https://example.com\\s+CONNECT\\s+ERROR\\s+CONNECT.*"),
        run.out());
    assertTrue(
        run.out()
            .matches("(?s).*2\\s+nowhere\\s+fetch\\s+https://example.com\\s+DNS\\s+ERROR\\s+DNS.*"),
        run.out());
    assertTrue(
        run.out().matches("(?s).*3\\s+up\\s+fetch\\s+https://example.com\\s+204\\s+PASS.*"),
        run.out());
  }

  @Test
  void actualResponseWithoutAllowOriginFailsEvenAfterAGoodPreflight() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(204)
            .addHeader("Access-Control-Allow-Origin", "*")
            .addHeader("Access-Control-Allow-Headers", "authorization, content-type")
            .build());
    server.enqueue(
        new MockResponse.Builder()
            .code(401)
            .addHeader("Content-Type", "application/json")
            .body("{\"error\":\"Invalid API key\"}")
            .build());
    CliRun run =
        CliRun.of(
            "check",
            "--url",
            server.url("/v1/chat/completions").toString(),
            "--actual",
            "--stream",
            "--format",
            "json");
    assertEquals(1, run.code(), run.out() + run.err());
    JsonNode row = new ObjectMapper().readTree(run.out()).path("results").get(0);
    assertEquals("ACTUAL_MISSING_ALLOW_ORIGIN", row.path("causes").get(0).path("code").asText());
    assertEquals(401, row.path("actual").path("status").asInt());
    server.takeRequest();
    var actual = server.takeRequest();
    assertEquals("POST", actual.getMethod());
    assertEquals(
        "Bearer sk-cors-audit-placeholder",
        actual.getHeaders().get("Authorization"),
        "the deliberately invalid key");
    assertTrue(actual.getBody().utf8().contains("\"stream\":true"), actual.getBody().utf8());
    assertFalse(run.out().contains("sk-cors-audit-placeholder"), "redacted in the report");
  }

  @Test
  void versionAndHelp() {
    CliRun version = CliRun.of("--version");
    assertEquals(0, version.code());
    assertTrue(version.out().startsWith("cors-audit "));
    CliRun help = CliRun.of("check", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("Exit codes:") && help.out().contains("--replicas"), help.out());
  }

  @Test
  void originWithoutSchemeIsAUsageError() {
    CliRun run = CliRun.of("check", "--replicas", "--origin", "app.example.com");
    assertEquals(2, run.code());
    assertTrue(
        run.err()
            .contains("cors-audit: 'app.example.com' is not an origin (no scheme://host); write"),
        run.err());
  }

  @Test
  void anOriginIsSentAsABrowserSerialisesIt() {
    CliRun run =
        CliRun.of(
            "check",
            "--replicas",
            "--only",
            "xerotier",
            "--origin",
            "https://app.example.com:443",
            "--no-color");
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("https://app.example.com "), run.out());
    assertFalse(run.out().contains(":443"), run.out());
    assertEquals(
        1,
        run.err()
                .split("origin https://app.example.com:443 is sent as https://app.example.com", -1)
                .length
            - 1,
        run.err());
  }

  @Test
  void theProvidersFileUsedIsSaidOnceUnlessNamed(@TempDir Path dir) throws IOException {
    CliRun implicit = CliRun.of("check", "--replicas", "--only", "azure");
    assertEquals(
        "cors-audit: providers: providers.yaml (from the current directory)\n",
        implicit.err().replace("\r\n", "\n"),
        "the file found by looking is said once");
    CliRun quiet = CliRun.of("check", "--replicas", "--only", "azure", "-q");
    assertEquals(implicit.err(), quiet.err(), "--quiet silences the progress line only");
    Path file = dir.resolve("p.yaml");
    Files.writeString(
        file,
        "providers:\n  - id: azure\n    base_url: https://a.example/v1\n    replica: azure\n");
    CliRun named = CliRun.of("check", "--replicas", "--providers", file.toString(), "-q");
    assertEquals("", named.err());
    java.io.InputStream stdin = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream(Files.readAllBytes(file)));
      CliRun piped = CliRun.of("check", "--replicas", "--providers", "-", "-q", "-f", "json");
      assertEquals(0, piped.code(), piped.err());
      assertTrue(piped.out().contains("\"azure\""), piped.out());
    } finally {
      System.setIn(stdin);
    }
    Terminal.env = java.util.Map.of(TargetOptions.PROVIDERS_ENV, file.toString());
    try {
      CliRun env = CliRun.of("check", "--replicas", "-q");
      assertEquals("cors-audit: providers: " + file + " (from CORS_AUDIT_PROVIDERS)\n", env.err());
    } finally {
      Terminal.env = System.getenv();
    }
  }

  @Test
  void verboseShowsEachExchangeLikeCurl() {
    CliRun run =
        CliRun.of(
            "check", "--replicas", "--only", "openrouter", "--profile", "fetch", "--actual", "-v");
    assertTrue(
        run.err().contains("\n> OPTIONS /openrouter/chat/completions HTTP/1.1\n"), run.err());
    assertTrue(run.err().contains("\n> Origin: https://example.com\n"), run.err());
    assertTrue(run.err().contains("   (added by the JDK client)\n"), run.err());
    assertTrue(run.err().contains("\n< HTTP/1.1 204\n"), run.err());
    assertTrue(run.err().contains("\n< access-control-allow-origin: *\n"), run.err());
    assertTrue(run.err().contains("\n> Authorization: Bearer [REDACTED]\n"), run.err());
    assertTrue(run.err().contains("\n< HTTP/1.1 401\n"), run.err());
  }

  @Test
  void anOriginWithAPathSuggestsTheOrigin() {
    CliRun run = CliRun.of("check", "--replicas", "--origin", "https://app.example.com/chat?x=1");
    assertEquals(2, run.code());
    assertTrue(
        run.err()
            .contains(
                "(it has a path; an origin ends after the host or port); did you mean"
                    + " https://app.example.com? (--origin)"),
        run.err());
  }

  @Test
  void aMethodThatIsNotATokenIsAUsageError() {
    CliRun run = CliRun.of("check", "--replicas", "--method", "PO ST");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("--method 'PO ST' is not an HTTP method"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void forbiddenHeaderIsDroppedWithAWarningNotAUsageError() {
    // Browsers silently drop a forbidden header a page sets (conformance cases fh-*): the row is
    // graded without it and the warning names it.
    CliRun run =
        CliRun.of(
            "check", "--replicas", "--only", "azure", "-H", "Cookie: a=b", "--format", "json");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("\"FORBIDDEN_HEADER_DROPPED\""), run.out());
    assertTrue(run.out().contains("'Cookie' cannot be set by a page"), run.out());
  }

  @Test
  void outputFileIsWritten(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("sub/report.md");
    CliRun run =
        CliRun.of(
            "check",
            "--replicas",
            "--only",
            "azure",
            "--format",
            "markdown",
            "--output",
            out.toString());
    assertEquals(0, run.code());
    assertEquals("", run.out());
    assertTrue(Files.readString(out).contains("| 1 | Azure"));
  }
}
