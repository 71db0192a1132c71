package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corsaudit.result.ReportDocument;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A raw-recorded exchange is marked in the JSON, keeps its lines (secrets masked), reads back, and
 * the evidence shows the lines as received.
 */
class RawHeaderBlockReportTest {

  private static String json() throws Exception {
    StringWriter out = new StringWriter();
    Reports.renderer(ReportFormat.JSON, false).render(ReportFixtures.rawHeaderBlockRun(), out);
    return out.toString();
  }

  @Test
  void theExchangeSaysTheRawRecorderTookItAndEachEngineReadItsOwnWay() throws Exception {
    JsonNode json = new ObjectMapper().readTree(json());
    assertEquals(Set.of(), ReportContractTest.schema().validate(json));
    JsonNode row = json.path("results").get(0);
    JsonNode preflight = row.path("preflight");
    assertEquals("raw-http1", preflight.path("recorded_by").asText());
    JsonNode lines = preflight.path("raw_header_lines");
    assertEquals("Access-Control-Allow-Origin : *\r\n", lines.get(0).asText());
    assertEquals("Set-Cookie: [REDACTED]\n", lines.get(3).asText());
    assertFalse(json().contains("secret-value"), "the raw block is redacted too");
    assertEquals("PASS", row.path("engines").path("chromium").path("verdict").asText());
    assertEquals("FAIL", row.path("engines").path("firefox").path("verdict").asText());
    assertEquals("FAIL", row.path("engines").path("webkit").path("verdict").asText());
  }

  @Test
  void aJdkExchangeHasNeitherField() throws Exception {
    JsonNode preflight =
        new ObjectMapper()
            .readTree(ReportContractTest.render(ReportFormat.JSON))
            .path("results")
            .get(0)
            .path("preflight");
    assertTrue(preflight.isObject());
    assertFalse(preflight.has("recorded_by"));
    assertFalse(preflight.has("raw_header_lines"));
  }

  @Test
  void theLinesReadBack() throws Exception {
    ReportDocument.Exchange preflight = ReportJson.read(json()).results().get(0).preflight();
    assertEquals(ReportDocument.Exchange.RAW_HTTP1, preflight.recordedBy());
    assertEquals(
        List.of(
            "Access-Control-Allow-Origin : *\r\n",
            "Access-Control-Allow-Methods: POST\r\n",
            "Access-Control-Allow-Headers: authorization, content-type\r\n",
            "Set-Cookie: [REDACTED]\n"),
        preflight.rawHeaderLines());
  }

  @Test
  void evidenceShowsTheLinesAsReceived() {
    String md =
        dev.corsaudit.evidence.EvidenceRenderer.render(
            ReportFixtures.rawHeaderBlockRun().results().get(0), ReportFixtures.AT, "test");
    assertTrue(md.contains("\nAccess-Control-Allow-Origin : *\n"), md);
    assertTrue(md.contains("Set-Cookie: [REDACTED]\n"), md);
    assertFalse(md.contains("secret-value"), md);
    assertTrue(md.contains("raw HTTP/1.1 recorder"), md);
  }

  @Test
  void markdownShowsTheNameAsSentWithItsPadding() throws Exception {
    StringWriter out = new StringWriter();
    Reports.renderer(ReportFormat.MARKDOWN, false).render(ReportFixtures.rawHeaderBlockRun(), out);
    assertTrue(out.toString().contains("`Access-Control-Allow-Origin : *`"), out.toString());
  }
}
