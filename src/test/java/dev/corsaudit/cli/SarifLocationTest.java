package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SARIF from a providers file points at the provider's line, and its fingerprints are the same in
 * two runs, so code scanning keeps one alert per rule and row.
 */
@Timeout(60)
class SarifLocationTest {

  private static JsonNode sarif() throws Exception {
    CliRun run =
        CliRun.of(
            "check",
            "--replicas",
            "--providers",
            "providers.yaml",
            "--only",
            "nvidia-nim,opencode-zen",
            "--format",
            "sarif",
            "-q");
    assertEquals(1, run.code(), run.err());
    return new ObjectMapper().readTree(run.out());
  }

  @Test
  void resultsPointAtTheProvidersLine() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("providers.yaml"));
    int nim = lines.indexOf("  - id: nvidia-nim") + 1;
    assertTrue(nim > 0);
    JsonNode results = sarif().path("runs").get(0).path("results");
    assertTrue(results.size() > 0);
    boolean sawNim = false;
    for (JsonNode r : results) {
      JsonNode location = r.path("locations").get(0).path("physicalLocation");
      assertEquals("providers.yaml", location.path("artifactLocation").path("uri").asText());
      if (r.path("message").path("text").asText().startsWith("NVIDIA NIM")) {
        assertEquals(nim, location.path("region").path("startLine").asInt(), r.toString());
        sawNim = true;
      }
      assertFalse(r.path("partialFingerprints").path("corsAuditRow/v1").asText().isEmpty());
    }
    assertTrue(sawNim);
  }

  @Test
  void fingerprintsAreStableAcrossRuns() throws Exception {
    JsonNode one = sarif().path("runs").get(0).path("results");
    JsonNode two = sarif().path("runs").get(0).path("results");
    assertEquals(one.size(), two.size());
    java.util.Set<String> distinct = new java.util.HashSet<>();
    for (int i = 0; i < one.size(); i++) {
      String a = one.get(i).path("partialFingerprints").toString();
      assertEquals(a, two.get(i).path("partialFingerprints").toString());
      distinct.add(a);
    }
    assertEquals(one.size(), distinct.size(), "one fingerprint per rule and row");
  }
}
