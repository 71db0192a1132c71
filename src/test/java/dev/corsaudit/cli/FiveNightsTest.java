package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corsaudit.replica.ReplicaServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Five nights of {@code report --fail-on regression}, as the nightly job runs it: normal, offline,
 * back, fixed, broken again. Providers answer from loopback replicas; "offline" providers live
 * under {@code .invalid}, so their rows are DNS ERRORs. The exit codes are the README's.
 */
@Timeout(120)
class FiveNightsTest {

  private static ReplicaServer replicas;

  @BeforeAll
  static void start() throws IOException {
    replicas = ReplicaServer.startBuiltin();
  }

  @AfterAll
  static void stop() {
    replicas.close();
  }

  /** One provider entry: id, name and the replica it answers from (null: offline tonight). */
  private static String provider(String id, String name, String replica) {
    String base = replica == null ? "https://api." + id + ".invalid/v1" : replicas.baseUrl(replica);
    return "  - id: " + id + "\n    name: " + name + "\n    base_url: " + base + "\n";
  }

  private static Path night(Path dir, int n, Map<String, String> answers) throws IOException {
    StringBuilder yaml = new StringBuilder("providers:\n");
    yaml.append(provider("modelstream", "ModelStream", answers.get("modelstream")));
    yaml.append(provider("azure", "Azure", answers.get("azure")));
    yaml.append(provider("nvidia-nim", "NVIDIA NIM", answers.get("nvidia-nim")));
    yaml.append(provider("openrouter", "OpenRouter", answers.get("openrouter")));
    return Files.writeString(dir.resolve("night" + n + ".yaml"), yaml.toString());
  }

  private static Map<String, String> answers(
      String modelstream, String azure, String nvidia, String openrouter) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("modelstream", modelstream);
    m.put("azure", azure);
    m.put("nvidia-nim", nvidia);
    m.put("openrouter", openrouter);
    return m;
  }

  private static CliRun report(Path providers, Path reports) {
    return CliRun.of(
        "report",
        "--providers",
        providers.toString(),
        "--reports-dir",
        reports.toString(),
        "--fail-on",
        "regression",
        "--no-probe-security",
        "--retries",
        "0",
        "--timeout",
        "5s",
        "--quiet");
  }

  private static JsonNode row(Path latestJson, String id) throws IOException {
    for (JsonNode row : new ObjectMapper().readTree(latestJson.toFile()).path("results")) {
      if (row.path("id").asText().equals(id)) {
        return row;
      }
    }
    throw new AssertionError("no row " + id + " in " + latestJson);
  }

  @Test
  void fiveNights(@TempDir Path dir) throws IOException {
    Path reports = dir.resolve("reports");
    Path latestJson = reports.resolve("latest.json");
    String before = "modelstream-2026-06"; // 403 without CORS headers: FAIL
    String fixed = "modelstream";

    // Night 1, normal: ModelStream and NVIDIA NIM FAIL, the others PASS; no baseline yet.
    CliRun one =
        report(night(dir, 1, answers(before, "azure", "nvidia-nim", "openrouter")), reports);
    assertEquals(0, one.code(), one.out() + one.err());
    String nightOne = Files.readString(latestJson);
    assertEquals("FAIL", row(latestJson, "modelstream").path("verdict").asText());

    // Night 2, offline: every row ERROR. Labelled, exit 3, and latest.* is left alone.
    CliRun two = report(night(dir, 2, answers(null, null, null, null)), reports);
    assertEquals(3, two.code(), "a night without network is not green: " + two.out() + two.err());
    assertTrue(two.out().contains("latest.* not replaced: most rows are ERROR (4 of 4"), two.out());
    assertFalse(two.out().contains("**REGRESSION**"), two.out());
    assertEquals(nightOne, Files.readString(latestJson), "the all-ERROR night is not the baseline");
    String history = Files.readString(reports.resolve("history").resolve(today() + "-2.md"));
    assertTrue(history.contains("Mostly ERROR: 4 of 4 audited rows"), history);

    // Night 3, back (NVIDIA NIM still unreachable): FAIL → ERROR → FAIL is no regression, and the
    // ERROR row carries its last graded verdict into the new baseline.
    CliRun three = report(night(dir, 3, answers(before, "azure", null, "openrouter")), reports);
    assertEquals(0, three.code(), three.out() + three.err());
    assertFalse(three.out().contains("**REGRESSION**"), three.out());
    assertTrue(three.out().contains("**NEW_ERROR** NVIDIA NIM"), three.out());
    JsonNode nvidia = row(latestJson, "nvidia-nim");
    assertEquals("ERROR", nvidia.path("verdict").asText());
    assertEquals("FAIL", nvidia.path("last_graded").path("verdict").asText(), nvidia.toString());
    String latestMd = Files.readString(reports.resolve("latest.md"));
    assertTrue(
        latestMd.contains("last graded FAIL on " + today() + ", ERROR tonight"), "latest.md");

    // Night 4, fixed: ModelStream PASSes; NVIDIA NIM answers again with its known FAIL.
    CliRun four =
        report(night(dir, 4, answers(fixed, "azure", "nvidia-nim", "openrouter")), reports);
    assertEquals(0, four.code(), four.out() + four.err());
    assertTrue(four.out().contains("**FIXED** ModelStream"), four.out());
    assertTrue(
        four.out()
            .contains(
                "**RECOVERED** NVIDIA NIM (fetch @ https://example.com): ERROR → FAIL (last graded"
                    + " FAIL on "
                    + today()
                    + ")"),
        four.out());
    assertFalse(four.out().contains("**REGRESSION**"), four.out());

    // Night 5, broken again: PASS → FAIL is the one regression, and the job goes red.
    CliRun five =
        report(night(dir, 5, answers(before, "azure", "nvidia-nim", "openrouter")), reports);
    assertEquals(1, five.code(), five.out() + five.err());
    assertTrue(
        five.out()
            .contains("**REGRESSION** ModelStream (fetch @ https://example.com): PASS → FAIL"),
        five.out());
    assertTrue(five.out().contains("1 regression(s)"), five.out());
  }

  private static String today() {
    return java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
  }
}
