package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corsaudit.report.ReportsLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
 * report in a shared directory: one run at a time, one history pair per run, temp files of a killed
 * run cleaned up, and an interrupted run kept out of latest.*.
 */
@Timeout(120)
class ReportRunsTest {

  @StartStop public final MockWebServer server = new MockWebServer();

  private static CliRun report(Path dir, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "report",
                "--replicas",
                "--only",
                "openrouter,azure",
                "--no-probe-security",
                "-q",
                "--reports-dir",
                dir.toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void twoRunsOnOneDayKeepBothHistoryFiles(@TempDir Path dir) throws Exception {
    assertEquals(0, report(dir).code());
    assertEquals(0, report(dir).code());
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    List<String> history = names(dir.resolve("history"));
    // (A run across midnight UTC would name two days; both files are still there.)
    assertEquals(4, history.size(), history.toString());
    assertTrue(
        history.equals(List.of(today + "-2.json", today + "-2.md", today + ".json", today + ".md"))
            || !history.get(0).startsWith(today),
        history.toString());
    assertEquals(
        List.of("history", "index.html", "latest.json", "latest.md"), names(dir), "no lock left");
  }

  @Test
  void aSecondRunFailsFastWhileTheFirstHoldsTheLock(@TempDir Path dir) throws Exception {
    try (ReportsLock held = ReportsLock.acquire(dir)) {
      CliRun second = report(dir);
      assertEquals(2, second.code());
      assertEquals(
          "cors-audit: another cors-audit report is writing to "
              + dir
              + " (it holds "
              + dir.resolve(ReportsLock.FILE_NAME)
              + "); wait for it to finish or use another --reports-dir\n",
          second.err());
      assertFalse(Files.exists(dir.resolve("latest.json")));
    }
    assertEquals(0, report(dir).code(), "free again once released");
  }

  @Test
  void temporaryFilesOfAKilledRunAreRemoved(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("history"));
    Files.writeString(dir.resolve(".latest.json.1234567.tmp"), "half");
    Files.writeString(dir.resolve("history").resolve(".x.md.ab12.cors-audit.tmp"), "half");
    Files.writeString(dir.resolve("notes.txt"), "mine");
    assertEquals(0, report(dir).code());
    assertEquals(
        List.of("history", "index.html", "latest.json", "latest.md", "notes.txt"), names(dir));
    assertTrue(names(dir.resolve("history")).stream().noneMatch(n -> n.endsWith(".tmp")));
  }

  @Test
  void anInterruptedRunGoesToHistoryMarkedAndLeavesLatestAlone(@TempDir Path dir) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            if (request.getTarget().startsWith("/slow")) {
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
            "providers:\n  - id: fast\n    base_url: "
                + server.url("/fast")
                + "\n  - id: slow\n    base_url: "
                + server.url("/slow")
                + "\n");
    Path reports = dir.resolve("reports");
    Files.createDirectories(reports);
    Files.writeString(reports.resolve("latest.md"), "previous md");
    String previousJson =
        Files.readString(
            Files.writeString(
                reports.resolve("latest.json"),
                new ObjectMapper()
                    .writeValueAsString(
                        new ObjectMapper()
                            .readTree(
                                CliRun.of(
                                        "check",
                                        "--replicas",
                                        "--only",
                                        "azure",
                                        "-q",
                                        "--format",
                                        "json")
                                    .out()))));
    Process process =
        MainProcess.of(
                "report",
                "--providers",
                providers.toString(),
                "--no-probe-security",
                "--timeout",
                "40s",
                "--reports-dir",
                reports.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("console.txt").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (server.getRequestCount() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    // Let the fast row be graded and handed on (generous: CI machines are shared).
    Thread.sleep(1000);
    process.destroy(); // SIGTERM, the path Ctrl-C takes
    assertTrue(process.waitFor(20, TimeUnit.SECONDS));
    release.countDown();
    String console = Files.readString(dir.resolve("console.txt"));
    assertEquals(143, process.exitValue(), console);
    assertEquals("previous md", Files.readString(reports.resolve("latest.md")), console);
    assertEquals(previousJson, Files.readString(reports.resolve("latest.json")), console);
    List<String> history = names(reports.resolve("history"));
    assertEquals(2, history.size(), history + console);
    assertTrue(
        history.get(0).matches("\\d{4}-\\d\\d-\\d\\d-incomplete\\.json"), history.toString());
    JsonNode json =
        new ObjectMapper().readTree(reports.resolve("history").resolve(history.get(0)).toFile());
    assertFalse(json.path("complete").asBoolean(true));
    assertEquals("PASS", json.path("results").get(0).path("verdict").asText());
    String md = Files.readString(reports.resolve("history").resolve(history.get(1)));
    assertTrue(md.contains("> **Incomplete run.**"), md);
    assertTrue(console.contains("marked incomplete"), console);
    assertTrue(console.contains("latest.* still holds the previous run"), console);
    assertFalse(Files.exists(reports.resolve(ReportsLock.FILE_NAME)), "lock removed");
  }
}
