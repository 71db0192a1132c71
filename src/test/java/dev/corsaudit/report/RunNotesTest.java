package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An interrupted run and an --insecure run say so in every human and dashboard format. */
class RunNotesTest {

  private static final RunNotes INSECURE = new RunNotes(true, true, List.of());
  private static final RunNotes INCOMPLETE = RunNotes.DEFAULT.incomplete();

  private static String render(ReportFormat format, RunNotes notes) throws Exception {
    StringWriter out = new StringWriter();
    Reports.renderer(format, false, notes).render(ReportFixtures.seedRun(), out);
    return out.toString();
  }

  @Test
  void theTableStartsWithTheNotes() throws Exception {
    assertTrue(
        render(ReportFormat.TABLE, INCOMPLETE).startsWith(RunNotes.INCOMPLETE_LINE + "\n\n"));
    assertTrue(
        render(ReportFormat.TABLE, INSECURE)
            .startsWith("WARNING: " + RunNotes.INSECURE_LINE + "\n\nReplica data"));
    assertFalse(render(ReportFormat.TABLE, INSECURE).contains(RunNotes.INCOMPLETE_LINE));
  }

  @Test
  void markdownQuotesTheNotesUnderTheTitle() throws Exception {
    assertTrue(
        render(ReportFormat.MARKDOWN, INCOMPLETE)
            .startsWith(
                "# LLM API CORS compatibility report\n\n> **Incomplete run.** "
                    + RunNotes.INCOMPLETE_LINE
                    + "\n\n> **Replica data.**"));
    String insecure = render(ReportFormat.MARKDOWN, INSECURE);
    assertTrue(insecure.contains("\n\n> **Unverified TLS.** " + RunNotes.INSECURE_LINE + "\n\n"));
    assertFalse(insecure.contains("Incomplete run"));
  }

  @Test
  void junitHasAPropertyPerNote() throws Exception {
    String incomplete = render(ReportFormat.JUNIT, INCOMPLETE);
    assertTrue(
        incomplete.contains(
            "  <properties>\n    <property name=\"complete\" value=\"false\"/>\n  </properties>\n"));
    String insecure = render(ReportFormat.JUNIT, INSECURE);
    assertTrue(
        insecure.contains(
            "  <properties>\n    <property name=\"insecure\" value=\"true\"/>\n  </properties>\n"));
    assertFalse(render(ReportFormat.JUNIT, RunNotes.DEFAULT).contains("<properties>"));
  }

  @Test
  void sarifRunPropertiesCarryBothNotes() throws Exception {
    for (RunNotes notes : List.of(INSECURE, INCOMPLETE)) {
      JsonNode properties =
          new ObjectMapper()
              .readTree(render(ReportFormat.SARIF, notes))
              .path("runs")
              .get(0)
              .path("properties");
      assertEquals(notes.insecure(), properties.path("insecure").asBoolean(), notes.toString());
      assertEquals(notes.complete(), properties.path("complete").asBoolean(true), notes.toString());
      assertEquals(2, properties.size());
    }
  }
}
