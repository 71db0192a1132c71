package dev.corsaudit.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exactly three problems are listed, however they arise: missing fields, unknown ones, items. */
class ReportValidatorCapTest {

  @Test
  void missingRequiredFields() throws Exception {
    ObjectNode report = ReportValidatorTest.valid();
    report.remove(List.of("tool", "generated_at", "replicas", "summary", "findings"));
    assertEquals(
        List.of(
            "the report lacks the required field \"tool\"",
            "the report lacks the required field \"generated_at\"",
            "the report lacks the required field \"replicas\""),
        ReportValidator.problems(report));
  }

  @Test
  void unknownFields() throws Exception {
    ObjectNode report = ReportValidatorTest.valid();
    for (int i = 1; i <= 5; i++) {
      report.put("a" + i, i);
    }
    assertEquals(
        List.of(
            "the report has an unknown field \"a1\"",
            "the report has an unknown field \"a2\"",
            "the report has an unknown field \"a3\""),
        ReportValidator.problems(report));
  }

  @Test
  void badItems() throws Exception {
    ObjectNode report = ReportValidatorTest.valid();
    ArrayNode findings = report.putArray("findings");
    for (int i = 0; i < 5; i++) {
      findings.add(i);
    }
    assertEquals(
        List.of(
            "/findings/0 must be object, not a number",
            "/findings/1 must be object, not a number",
            "/findings/2 must be object, not a number"),
        ReportValidator.problems(report));
  }
}
