package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.AuditTarget;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A report streamed row by row is the same report the whole-run writer makes. */
class JsonRowStreamTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String whole(AuditRun run, RunNotes notes) throws Exception {
    StringWriter out = new StringWriter();
    Reports.renderer(ReportFormat.JSON, false, notes).render(run, out);
    return out.toString();
  }

  private static String streamed(AuditRun run, RunNotes notes, boolean complete) throws Exception {
    StringWriter out = new StringWriter();
    List<AuditTarget> targets = run.results().stream().map(AuditResult::target).toList();
    try (JsonRowStream stream = new JsonRowStream(out, targets, run.replicas(), notes)) {
      for (AuditResult row : run.results()) {
        stream.row(row);
      }
      stream.finish(run, complete);
      stream.row(run.results().get(0)); // after finish: ignored
      stream.finish(run, complete); // twice: ignored
    }
    return out.toString();
  }

  @Test
  void streamedEqualsWhole() throws Exception {
    AuditRun run = ReportFixtures.seedRun();
    // The stream is opened before the run, so it names the running tool's version.
    String streamed =
        streamed(run, RunNotes.DEFAULT, true)
            .replace(
                "\"version\" : \"" + dev.corsaudit.model.ToolVersion.version() + "\"",
                "\"version\" : \"" + run.toolVersion() + "\"");
    assertEquals(whole(run, RunNotes.DEFAULT), streamed);
  }

  @Test
  void insecureAndIncompleteAreMarked() throws Exception {
    AuditRun run = ReportFixtures.seedRun();
    RunNotes insecure = new RunNotes(true, true, List.of());
    JsonNode json = JSON.readTree(streamed(run, insecure, false));
    assertTrue(json.path("insecure").asBoolean());
    assertFalse(json.path("complete").asBoolean(true));
    assertEquals(run.results().size(), json.path("results").size());
    assertEquals(run.summary().total(), json.path("summary").path("total").asInt());
  }

  @Test
  void secretsOfTheTargetsAndTheNotesAreMasked() throws Exception {
    AuditRun run = ReportFixtures.seedRun();
    RunNotes notes = new RunNotes(false, true, List.of("application/json"));
    String text = streamed(run, notes, true);
    assertFalse(text.contains("application/json"), "an extra secret value is masked");
  }

  @Test
  void theHeadWaitsForTheFirstRowAndARunWithoutRowsIsStillADocument() throws Exception {
    AuditRun run = ReportFixtures.seedRun();
    StringWriter out = new StringWriter();
    try (JsonRowStream stream =
        new JsonRowStream(out, List.of(), run.replicas(), RunNotes.DEFAULT)) {
      // Nothing is set up or written before a row or the end: the mapper's start-up overlaps
      // the first requests.
      assertEquals("", out.toString());
      stream.finish(run, true);
    }
    JsonNode json = JSON.readTree(out.toString());
    assertEquals("cors-audit", json.path("tool").path("name").asText());
    assertTrue(json.path("results").isArray());
    assertEquals(0, json.path("results").size());
    assertEquals(run.summary().total(), json.path("summary").path("total").asInt());
  }
}
