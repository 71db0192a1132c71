package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nightly runs with a provider that changed in between (ModelStream's 403 before its 2026-06-09
 * fix, then its fixed answer): the reports, the diff and the exit codes a CI job sees.
 */
@Timeout(60)
class NightlyScenarioTest {

  private static Path providers(Path dir, String name, String replica) throws IOException {
    return Files.writeString(
        dir.resolve(name),
        "providers:\n"
            + "  - id: modelstream\n    name: ModelStream\n    base_url: https://api.modelstream.ai/v1\n    replica: "
            + replica
            + "\n"
            + "  - id: azure\n    name: Azure\n    base_url: https://assert-service.services.ai.azure.com/openai/v1\n    replica: azure\n");
  }

  @Test
  void fixAndRegressionAcrossTwoRuns(@TempDir Path dir) throws IOException {
    Path before = providers(dir, "before.yaml", "modelstream-2026-06");
    Path after = providers(dir, "after.yaml", "modelstream");
    Path reports = dir.resolve("reports");

    CliRun first =
        CliRun.of(
            "report",
            "--replicas",
            "--providers",
            before.toString(),
            "--reports-dir",
            reports.toString(),
            "--fail-on",
            "regression");
    assertEquals(0, first.code(), first.out() + first.err());
    assertTrue(
        Files.exists(reports.resolve("latest.md")) && Files.exists(reports.resolve("latest.json")));
    try (var history = Files.list(reports.resolve("history"))) {
      assertEquals(2, history.count(), "dated .md and .json");
    }
    Path firstJson = Files.copy(reports.resolve("latest.json"), dir.resolve("run1.json"));

    CliRun second =
        CliRun.of(
            "report",
            "--replicas",
            "--providers",
            after.toString(),
            "--reports-dir",
            reports.toString(),
            "--fail-on",
            "regression");
    assertEquals(0, second.code(), "a fix is not a regression: " + second.out());
    assertTrue(
        second
            .out()
            .contains(
                "**FIXED** ModelStream (fetch @ https://example.com): FAIL → PASS, status 403 → 204"),
        second.out());
    Path secondJson = reports.resolve("latest.json");

    CliRun forward = CliRun.of("diff", firstJson.toString(), secondJson.toString());
    assertEquals(0, forward.code());
    assertTrue(
        forward.out().contains("causes gone: MISSING_ALLOW_ORIGIN, PREFLIGHT_STATUS"),
        forward.out());
    assertTrue(
        forward.out().contains("headers now sent: `access-control-allow-headers: Origin,"),
        forward.out());
    assertTrue(forward.out().contains("`access-control-allow-origin: *`"), forward.out());
    assertFalse(forward.out().contains("azure"), "unchanged rows are not listed");

    CliRun backward = CliRun.of("diff", secondJson.toString(), firstJson.toString());
    assertEquals(1, backward.code(), "PASS→FAIL is a regression");
    assertTrue(
        backward
            .out()
            .contains("**REGRESSION** ModelStream (fetch @ https://example.com): PASS → FAIL"),
        backward.out());
    assertEquals(
        0,
        CliRun.of("diff", secondJson.toString(), firstJson.toString(), "--fail-on", "never")
            .code());

    CliRun baseline =
        CliRun.of(
            "check",
            "--replicas",
            "--providers",
            before.toString(),
            "--baseline",
            secondJson.toString(),
            "--fail-on",
            "regression",
            "--format",
            "json");
    assertEquals(1, baseline.code(), "check --baseline sees the regression");
    assertTrue(baseline.err().contains("REGRESSION"), baseline.err());
  }

  @Test
  void regressionNeedsABaseline() {
    CliRun run = CliRun.of("check", "--replicas", "--fail-on", "regression");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("--fail-on regression needs --baseline FILE"), run.err());
  }

  @Test
  void diffOfSomethingElseIsAUsageError(@TempDir Path dir) throws IOException {
    Path notReport = Files.writeString(dir.resolve("x.json"), "{\"hello\": 1}");
    CliRun run = CliRun.of("diff", notReport.toString(), notReport.toString());
    assertEquals(2, run.code());
    assertTrue(run.err().contains("is not a cors-audit JSON report"), run.err());
  }
}
