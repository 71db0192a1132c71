package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.security.Finding;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A finding is located at its provider's endpoint, or by the provider's id when it has no row. */
class SarifFindingLocationTest {

  private static String uri(JsonNode result) {
    return result
        .path("locations")
        .get(0)
        .path("physicalLocation")
        .path("artifactLocation")
        .path("uri")
        .asText();
  }

  @Test
  void aFindingWithoutARowIsLocatedByTheProvidersId() throws Exception {
    AuditRun seed = ReportFixtures.seedRun();
    Finding mistral = seed.findings().get(0);
    Finding ghost =
        new Finding(
            "ghost",
            mistral.code(),
            mistral.severity(),
            mistral.origin(),
            mistral.probe(),
            mistral.message(),
            mistral.fix(),
            mistral.evidence());
    AuditRun run =
        new AuditRun(
            seed.toolVersion(),
            seed.generatedAt(),
            seed.replicas(),
            seed.results(),
            List.of(mistral, ghost),
            true);
    StringWriter out = new StringWriter();
    new SarifReport(RunNotes.DEFAULT).render(run, out);
    JsonNode results =
        new ObjectMapper().readTree(out.toString()).path("runs").get(0).path("results");
    JsonNode last = results.get(results.size() - 1);
    assertEquals("ghost", uri(last));
    assertEquals(
        "https://api.mistral.ai/v1/chat/completions", uri(results.get(results.size() - 2)));
  }
}
