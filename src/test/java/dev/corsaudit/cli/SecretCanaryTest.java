package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A canary secret given as Authorization, x-api-key, a custom header, a URL query parameter, URL
 * userinfo and an api_key_env value, and echoed back by the (loopback) server in response headers
 * and a 401 body, appears in no output of any command and format.
 */
@Timeout(120)
class SecretCanaryTest {

  private static final String AUTH = "CANARY-auth-7f3a9c";
  private static final String XKEY = "CANARY-xkey-51d2e0";
  private static final String SESSION = "CANARY-session-a8b7";
  private static final String QUERY = "CANARY-query-40c1";
  private static final String PASSWORD = "CANARY-password-9e";
  private static final String ENV = "CANARY-env-0d6f2b";

  @StartStop public final MockWebServer server = new MockWebServer();

  private final List<String> received = new CopyOnWriteArrayList<>();

  private void echoingServer() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            // Not Headers.toString(): OkHttp hides Authorization there.
            StringBuilder seen = new StringBuilder(request.getTarget());
            request
                .getHeaders()
                .forEach(
                    p -> seen.append('\n').append(p.getFirst()).append(": ").append(p.getSecond()));
            received.add(seen.toString());
            String auth = String.valueOf(request.getHeaders().get("Authorization"));
            String key = String.valueOf(request.getHeaders().get("x-api-key"));
            MockResponse.Builder response =
                new MockResponse.Builder()
                    .addHeader("Access-Control-Allow-Origin", "*")
                    .addHeader(
                        "Access-Control-Allow-Headers",
                        "*, authorization, x-api-key, x-session-id, content-type")
                    .addHeader("Access-Control-Allow-Methods", "POST")
                    .addHeader("X-Echo-Target", request.getTarget())
                    .addHeader(
                        "X-Echo-Session", String.valueOf(request.getHeaders().get("X-Session-Id")));
            if (request.getMethod().equals("OPTIONS")) {
              return response.code(204).build();
            }
            return response
                .code(401)
                .addHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", token=" + auth)
                .addHeader("X-Echo-Key", key)
                .addHeader("Content-Type", "application/json")
                .body(
                    "{\"error\":{\"message\":\"Incorrect API key provided: "
                        + auth
                        + " / "
                        + key
                        + " for "
                        + request.getTarget()
                        + "\"}}")
                .build();
          }
        });
  }

  private String url() {
    return "http://user:"
        + PASSWORD
        + "@127.0.0.1:"
        + server.getPort()
        + "/v1/chat/completions?key="
        + QUERY
        + "&model=x";
  }

  private List<String> urlArgs(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--url",
                url(),
                "--origin",
                "http://localhost:3000",
                "-H",
                "Authorization: Bearer " + AUTH,
                "-H",
                "x-api-key: " + XKEY,
                "-H",
                "X-Session-Id: " + SESSION,
                "-H",
                "Content-Type: application/json",
                "--actual",
                "--debug"));
    args.addAll(List.of(more));
    return args;
  }

  private static void assertClean(String where, String text) {
    int at = text.indexOf("CANARY");
    assertTrue(
        at < 0,
        () ->
            where
                + " leaks a canary: ..."
                + text.substring(Math.max(0, at - 120), Math.min(text.length(), at + 80))
                + "...");
  }

  private void assertServerGotEverything() {
    String all = String.join("\n", received);
    for (String canary : List.of(AUTH, XKEY, SESSION, QUERY)) {
      assertTrue(all.contains(canary), "the server was sent " + canary);
    }
  }

  @Test
  void checkInEveryFormatToStdoutAndToAFile(@TempDir Path dir) throws IOException {
    echoingServer();
    for (String format : List.of("table", "markdown", "json", "junit", "sarif")) {
      List<String> args = new ArrayList<>(List.of("check", "--format", format));
      args.addAll(urlArgs());
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertTrue(run.code() == 1 || run.code() == 0 || run.code() == 3, run.err());
      assertClean(format + " stdout", run.out());
      assertClean(format + " stderr", run.err());
      Path file = dir.resolve("out." + format);
      args.addAll(List.of("-o", file.toString()));
      CliRun toFile = CliRun.of(args.toArray(String[]::new));
      assertClean(format + " stderr", toFile.err());
      assertClean(format + " file", Files.readString(file));
    }
    String json = Files.readString(dir.resolve("out.json"));
    assertTrue(received.size() >= 10, json);
    assertServerGotEverything();
    assertTrue(json.contains("Incorrect API key provided: [REDACTED]"), json);
    assertTrue(json.contains("?key=REDACTED&model=x"), json);
    // The client never sends userinfo, and the JSON does not claim it did.
    assertTrue(json.contains("[ \"Host\", \"127.0.0.1:" + server.getPort() + "\" ]"), json);
    assertFalse(json.contains("user:"), json);
  }

  @Test
  void errorMessagesDoNotRepeatTheUrlSecrets() {
    CliRun run =
        CliRun.of(
            "check", "--url", "ftp://user:" + PASSWORD + "@127.0.0.1/x?key=" + QUERY, "--debug");
    assertEquals(2, run.code(), run.err());
    assertClean("usage error", run.err());
    assertTrue(run.err().contains("ftp://REDACTED@127.0.0.1/x?key=REDACTED"), run.err());
  }

  @Test
  void reportAndEvidence(@TempDir Path dir) throws IOException {
    echoingServer();
    List<String> args = new ArrayList<>(List.of("report", "--reports-dir", dir.toString()));
    args.addAll(urlArgs("--no-probe-security"));
    CliRun report = CliRun.of(args.toArray(String[]::new));
    assertClean("report stdout", report.out());
    assertClean("report stderr", report.err());
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertClean(file.toString(), Files.readString(file));
      }
    }
    assertTrue(Files.exists(dir.resolve("latest.json")), report.err());

    List<String> evidenceArgs = new ArrayList<>(List.of("evidence", "127.0.0.1"));
    evidenceArgs.addAll(urlArgs());
    CliRun evidence = CliRun.of(evidenceArgs.toArray(String[]::new));
    assertClean("evidence stdout", evidence.out());
    assertClean("evidence stderr", evidence.err());
    assertTrue(evidence.out().contains("curl -i"), evidence.out() + evidence.err());
    assertTrue(evidence.out().contains("?key=REDACTED&model=x'"), evidence.out());
    assertTrue(evidence.out().contains("`X-Session-Id: [REDACTED]`"), evidence.out());
    assertTrue(evidence.out().contains("x-echo-session: [REDACTED]"), evidence.out());
    assertServerGotEverything();
  }

  @Test
  void apiKeyEnvValueIsMaskedWhereTheServerEchoesIt(@TempDir Path dir) throws Exception {
    echoingServer();
    Path providers =
        Files.writeString(
            dir.resolve("p.yaml"),
            "providers:\n"
                + "  - id: keyed\n    base_url: "
                + server.url("/v1")
                + "\n    profiles: [openai-sdk]\n    api_key_env: CORS_AUDIT_CANARY_KEY\n"
                + "    actual: true\n");
    for (List<String> command :
        List.of(
            List.of("check", "--format", "json"),
            List.of("check", "--format", "markdown"),
            List.of("evidence", "keyed"))) {
      List<String> args = new ArrayList<>(command);
      args.addAll(List.of("--providers", providers.toString(), "--debug"));
      ProcessBuilder builder =
          MainProcess.of(List.of(), args)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("console.txt").toFile());
      builder.environment().put("CORS_AUDIT_CANARY_KEY", ENV);
      Process process = builder.start();
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the process ended");
      String console = Files.readString(dir.resolve("console.txt"));
      assertClean(String.join(" ", command), console);
      if (command.contains("json")) {
        // A streamed report masks the key itself; a whole-run report knows the sent header value
        // ("Bearer KEY") too. Either way nothing of the key is left.
        assertTrue(console.contains("Incorrect API key provided: "), console);
        assertTrue(console.contains("[REDACTED]"), console);
      }
    }
    assertTrue(String.join("\n", received).contains("Bearer " + ENV), "the key was sent");
    assertEquals(6, server.getRequestCount());
  }
}
