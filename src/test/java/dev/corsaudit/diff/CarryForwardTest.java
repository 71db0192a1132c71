package dev.corsaudit.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corsaudit.report.ReportJson;
import dev.corsaudit.result.LastGraded;
import dev.corsaudit.result.ReportDocument;
import org.junit.jupiter.api.Test;

/** What a baseline row hands on as its last graded verdict, per verdict it had. */
class CarryForwardTest {

  private static final String AT = "2026-11-23T03:00:00Z";

  private static ReportDocument.Row row(String verdict, String carried) throws Exception {
    ObjectNode report = ReportValidatorTest.valid();
    ObjectNode row = (ObjectNode) report.get("results").get(0);
    row.put("verdict", verdict);
    if (carried != null) {
      row.putObject("last_graded").put("verdict", carried).put("at", "2026-11-20T03:00:00Z");
    }
    return ReportJson.read(new ObjectMapper().writeValueAsString(report)).results().get(0);
  }

  @Test
  void aGradedRowHandsOnItsOwnVerdictAndTheBaselineDate() throws Exception {
    assertEquals(new LastGraded("PASS", AT), CarryForward.lastGraded(row("PASS", null), AT));
    assertEquals(new LastGraded("FAIL", AT), CarryForward.lastGraded(row("FAIL", null), AT));
  }

  @Test
  void anErrorRowHandsOnWhatItCarried() throws Exception {
    assertEquals(
        new LastGraded("FAIL", "2026-11-20T03:00:00Z"),
        CarryForward.lastGraded(row("ERROR", "FAIL"), AT));
  }

  @Test
  void aSkippedRowHandsOnNothing() throws Exception {
    assertNull(CarryForward.lastGraded(row("SKIPPED", "PASS"), AT));
  }
}
