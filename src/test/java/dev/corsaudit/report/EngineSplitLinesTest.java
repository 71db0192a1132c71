package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A row that passes in Chromium but not everywhere still shows its split in the table and SARIF.
 */
class EngineSplitLinesTest {

  private static String render(ReportFormat format) throws IOException {
    StringWriter out = new StringWriter();
    Reports.renderer(format, false).render(ScenarioFixtures.run(), out);
    return out.toString();
  }

  @Test
  void tableListsEngineSplitsOfPassingRows() throws IOException {
    String table = render(ReportFormat.TABLE);
    assertTrue(
        table.contains(
            "1. gateway (engines): PASS in browsers today, FAIL per spec: '*' in"
                + " Access-Control-Allow-Headers does not cover Authorization"),
        table);
    assertTrue(
        table.contains(
            "5. sdk-host (engines): PASS in chromium, FAIL in firefox: Request header user-agent"),
        table);
    assertTrue(table.contains("4. gateway: Access-Control-Allow-Origin"), table);
    // Other warnings (here RESPONSE_HEADERS_NOT_EXPOSED on row 6) are not table lines.
    assertTrue(table.lines().noneMatch(l -> l.startsWith("6. ")), table);
  }

  @Test
  void sarifReportsEngineSplitsAsNotes() throws IOException {
    JsonNode sarif = new ObjectMapper().readTree(render(ReportFormat.SARIF));
    JsonNode run = sarif.path("runs").get(0);
    List<String> notes = new ArrayList<>();
    for (JsonNode result : run.path("results")) {
      if (result.path("level").asText().equals("note")) {
        notes.add(result.path("ruleId").asText());
        assertEquals("PASS", result.path("properties").path("verdict").asText());
      }
    }
    assertEquals(
        List.of(
            "WILDCARD_DOES_NOT_COVER_AUTHORIZATION",
            "WILDCARD_DOES_NOT_COVER_AUTHORIZATION",
            "WILDCARD_DOES_NOT_COVER_AUTHORIZATION",
            "ENGINES_DISAGREE",
            "ENGINES_DISAGREE",
            "ENGINES_DISAGREE"),
        notes);
    List<String> rules = new ArrayList<>();
    run.path("tool").path("driver").path("rules").forEach(r -> rules.add(r.path("id").asText()));
    assertTrue(rules.contains("ENGINES_DISAGREE"), rules.toString());
    assertTrue(rules.contains("WILDCARD_DOES_NOT_COVER_AUTHORIZATION"), rules.toString());
    assertTrue(rules.contains("ACTUAL_MISSING_ALLOW_ORIGIN"), rules.toString());
  }
}
