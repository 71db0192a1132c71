package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corsaudit.config.Provider;
import dev.corsaudit.config.ProvidersLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that audits nothing exits 5 with one line saying why; repeated network errors are said
 * once; local servers are left out of live reports unless asked; the demos live in their own file.
 */
@Timeout(60)
class NothingAuditedTest {

  private static Path file(Path dir, String yaml) throws IOException {
    return Files.writeString(dir.resolve("providers.yaml"), yaml);
  }

  @Test
  void everyRowSkippedUnderReplicasExitsFive(@TempDir Path dir) throws IOException {
    Path providers =
        file(dir, "providers:\n  - id: nowhere\n    base_url: https://api.nowhere.invalid/v1\n");
    CliRun run = CliRun.of("check", "--replicas", "--providers", providers.toString());
    assertEquals(ExitCodes.NOTHING_AUDITED, run.code(), run.out() + run.err());
    List<String> lines = run.err().lines().filter(l -> l.contains("nothing was audited")).toList();
    assertEquals(
        List.of(
            "cors-audit: nothing was audited: all 1 rows were skipped (no replica of this"
                + " provider; audit it live (without replicas))"),
        lines);
    assertEquals(
        0,
        CliRun.of("check", "--replicas", "--providers", providers.toString(), "--fail-on", "never")
            .code(),
        "--fail-on never always exits 0");
  }

  @Test
  void demosAuditedLiveAuditNothing() {
    CliRun run = CliRun.of("check", "--providers", "demos/providers.yaml", "--no-color");
    assertEquals(5, run.code(), run.err());
    assertTrue(run.err().contains("exists only as a replica"), run.err());
  }

  @Test
  void evidenceOfASkippedProviderExitsFive() {
    CliRun run = CliRun.of("evidence", "cerebras", "--replicas");
    assertEquals(5, run.code(), run.out() + run.err());
    assertTrue(run.err().contains("nothing was audited"), run.err());
  }

  @Test
  void reportThatAuditsNothingKeepsTheBaseline(@TempDir Path dir) throws IOException {
    Path providers =
        file(dir, "providers:\n  - id: nowhere\n    base_url: https://api.nowhere.invalid/v1\n");
    Path reports = dir.resolve("reports");
    CliRun run =
        CliRun.of(
            "report",
            "--replicas",
            "--providers",
            providers.toString(),
            "--reports-dir",
            reports.toString(),
            "--no-probe-security",
            "--fail-on",
            "regression");
    assertEquals(5, run.code(), run.out() + run.err());
    assertFalse(Files.exists(reports.resolve("latest.json")));
    assertTrue(run.out().contains("latest.* not replaced: nothing was audited"), run.out());
  }

  @Test
  void repeatedDnsFailuresAreOneLine(@TempDir Path dir) throws IOException {
    StringBuilder yaml = new StringBuilder("providers:\n");
    for (String id : List.of("a", "b", "c", "d")) {
      yaml.append("  - id: ")
          .append(id)
          .append("\n    base_url: https://")
          .append(id)
          .append(".cors-audit-test.invalid/v1\n");
    }
    Path providers = file(dir, yaml.toString());
    CliRun run =
        CliRun.of(
            "check", "--providers", providers.toString(), "--retries", "0", "--no-color", "-q");
    assertEquals(3, run.code(), run.out() + run.err());
    assertEquals(
        1,
        run.out().lines().filter(l -> l.contains("no host resolved: is the network up?")).count(),
        run.out());
    assertTrue(
        run.out().contains("4 rows (#1, #2, #3, #4): no host resolved: is the network up?"),
        run.out());
    assertEquals(1, run.out().lines().filter(l -> l.strip().startsWith("fix:")).count(), run.out());
  }

  @Test
  void liveReportsSkipLocalServersUnlessAsked(@TempDir Path dir) throws IOException {
    Path providers =
        file(
            dir,
            "providers:\n"
                + "  - id: home-llm\n    base_url: https://home-llm.invalid/v1\n    group: local\n"
                + "  - id: cloud\n    base_url: https://cloud.invalid/v1\n    group: cloud\n");
    JsonNode skipped = reportJson(dir, providers, "r1");
    assertEquals("SKIPPED", verdict(skipped, "home-llm"));
    assertTrue(
        skipped
            .path("results")
            .get(0)
            .path("skip_reason")
            .asText()
            .contains("--include-group local"));
    assertEquals("ERROR", verdict(skipped, "cloud"));

    JsonNode asked = reportJson(dir, providers, "r2", "--include-group", "local");
    assertEquals("ERROR", verdict(asked, "home-llm"), "asked for: probed (and unreachable)");

    CliRun check =
        CliRun.of(
            "check", "--providers", providers.toString(), "--retries", "0", "--format", "json");
    JsonNode checked = new ObjectMapper().readTree(check.out());
    assertEquals("ERROR", verdict(checked, "home-llm"), "check includes local servers");

    CliRun bad =
        CliRun.of(
            "report",
            "--providers",
            providers.toString(),
            "--reports-dir",
            dir.resolve("r3").toString(),
            "--include-group",
            "lokal");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("unknown group 'lokal'"), bad.err());
  }

  @Test
  void replicaReportsIncludeLocalServers(@TempDir Path dir) throws IOException {
    CliRun run =
        CliRun.of(
            "report",
            "--replicas",
            "--only",
            "ollama",
            "--reports-dir",
            dir.resolve("reports").toString(),
            "--no-probe-security");
    JsonNode json = new ObjectMapper().readTree(dir.resolve("reports/latest.json").toFile());
    assertFalse(verdict(json, "ollama").equals("SKIPPED"), run.out());
  }

  @Test
  void demosLiveInTheirOwnFile() {
    List<Provider> real = ProvidersLoader.load(Path.of("providers.yaml")).providers();
    assertTrue(real.stream().noneMatch(p -> "demo".equals(p.group()) || p.replicaOnly()));
    assertTrue(real.stream().noneMatch(p -> p.id().startsWith("demo-")));
    List<Provider> demos = ProvidersLoader.load(Path.of("demos/providers.yaml")).providers();
    assertTrue(demos.size() >= 9, "the nine mistakes and the correct policy");
    for (Provider p : demos) {
      assertEquals("demo", p.group(), p.id());
      assertTrue(p.replicaOnly(), p.id());
      assertTrue(p.id().startsWith("demo-"), p.id());
    }
  }

  private static JsonNode reportJson(Path dir, Path providers, String name, String... extra)
      throws IOException {
    Path reports = dir.resolve(name);
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "report",
                "--providers",
                providers.toString(),
                "--reports-dir",
                reports.toString(),
                "--no-probe-security",
                "--retries",
                "0",
                "-q"));
    args.addAll(List.of(extra));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    Path json =
        Files.list(reports.resolve("history"))
            .filter(p -> p.toString().endsWith(".json"))
            .findFirst()
            .orElseThrow();
    assertTrue(run.code() != 2, run.err());
    return new ObjectMapper().readTree(json.toFile());
  }

  private static String verdict(JsonNode report, String id) {
    for (JsonNode row : report.path("results")) {
      if (row.path("id").asText().equals(id)) {
        return row.path("verdict").asText();
      }
    }
    throw new AssertionError("no row " + id);
  }
}
