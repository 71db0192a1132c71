package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped by a signal (SIGTERM here; Ctrl-C sends SIGINT, which takes the same path) writes
 * the results it had and exits with the signal's code.
 */
@Timeout(60)
class InterruptTest {

  @StartStop public final MockWebServer server = new MockWebServer();

  private final java.util.concurrent.CountDownLatch release =
      new java.util.concurrent.CountDownLatch(1);

  @Test
  void interruptedRunWritesWhatItHas(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out.json");
    interrupt(dir, "json", out);
    JsonNode json = new ObjectMapper().readTree(Files.readString(out));
    List<String> rows = new java.util.ArrayList<>();
    json.path("results")
        .forEach(r -> rows.add(r.path("id").asText() + "=" + r.path("verdict").asText()));
    assertEquals(List.of("fast=PASS", "slow=UNFINISHED"), rows);
    assertEquals(
        "not finished: the run was interrupted",
        json.path("results").get(1).path("skip_reason").asText());
  }

  /** The table and Markdown wait in a spool for the counts: an interrupt still prints them. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"table", "markdown"})
  void interruptedHumanReportPrintsTheFinishedRowsMarkedIncomplete(String format, @TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("out." + format);
    interrupt(dir, format, out);
    try (var left = Files.list(dir.resolve("tmp"))) {
      assertEquals(
          List.of(), left.toList(), "the spool's temporary file is deleted on the interrupt");
    }
    String text = Files.readString(out);
    assertTrue(text.contains("Incomplete run: it was interrupted"), text);
    assertTrue(
        text.contains("2 endpoints: 1 pass, 0 fail, 0 error, 0 skipped, 1 unfinished"), text);
    assertTrue(text.matches("(?s).*fast.*PASS.*slow.*UNFINISHED.*"), text);
    assertFalse(text.contains("SKIPPED"), "an unfinished row is not a skipped one: " + text);
  }

  private void interrupt(Path dir, String format, Path out) throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            if (request.getTarget().startsWith("/slow")) {
              // Hold the answer until the test is over, so the run is interrupted mid-flight.
              release.await(30, TimeUnit.SECONDS);
            }
            return new MockResponse.Builder()
                .code(204)
                .addHeader("Access-Control-Allow-Origin", "*")
                .addHeader("Access-Control-Allow-Headers", "authorization, content-type")
                .build();
          }
        });
    Path providers =
        Files.writeString(
            dir.resolve("p.yaml"),
            "providers:\n"
                + "  - id: fast\n    base_url: "
                + server.url("/fast")
                + "\n"
                + "  - id: slow\n    base_url: "
                + server.url("/slow")
                + "\n");
    Process process =
        MainProcess.of(
                List.of(
                    // Every row goes to the spool's temporary file, in a directory of the test's
                    // own.
                    "-Dcorsaudit.spool.memoryBytes=1",
                    "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp"))),
                List.of(
                    "check",
                    "--providers",
                    providers.toString(),
                    "--timeout",
                    "40s",
                    "--format",
                    format,
                    "--output",
                    out.toString()))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("console.txt").toFile())
            .start();
    // Wait until the fast row is done and the slow one is in flight.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (server.getRequestCount() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    // Let the fast row be graded and handed on (generous: CI machines are shared).
    Thread.sleep(1000);
    process.destroy(); // SIGTERM
    assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the process ended");
    release.countDown();
    String console = Files.readString(dir.resolve("console.txt"));
    assertEquals(143, process.exitValue(), console);
    assertTrue(
        console.contains("interrupted; wrote the 1 of 2 results that had finished"), console);
  }
}
