package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    Path out = dir.resolve("out.json");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.corsaudit.Main",
                "check",
                "--providers",
                providers.toString(),
                "--timeout",
                "40s",
                "--format",
                "json",
                "--output",
                out.toString())
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
    JsonNode json = new ObjectMapper().readTree(Files.readString(out));
    List<String> rows = new java.util.ArrayList<>();
    json.path("results")
        .forEach(r -> rows.add(r.path("id").asText() + "=" + r.path("verdict").asText()));
    assertEquals(List.of("fast=PASS", "slow=UNFINISHED"), rows);
    assertEquals(
        "not finished: the run was interrupted",
        json.path("results").get(1).path("skip_reason").asText());
  }
}
