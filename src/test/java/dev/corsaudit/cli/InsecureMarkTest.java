package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** A report made with --insecure says so in every format, and the run warns on stderr. */
class InsecureMarkTest {

  private static CliRun check(String format, boolean insecure) {
    return insecure
        ? CliRun.of(
            "check", "--replicas", "--only", "azure", "-q", "--format", format, "--insecure")
        : CliRun.of("check", "--replicas", "--only", "azure", "-q", "--format", format);
  }

  @Test
  void everyFormatMarksIt() throws Exception {
    CliRun json = check("json", true);
    assertEquals(0, json.code(), json.err());
    JsonNode report = new ObjectMapper().readTree(json.out());
    assertTrue(report.path("insecure").asBoolean());
    assertTrue(ReportSchema.validate(report).isEmpty(), ReportSchema.validate(report).toString());
    assertTrue(
        json.err().contains("warning: --insecure: TLS certificates are not verified"), json.err());

    assertTrue(
        check("markdown", true).out().contains("> **Unverified TLS.** Made with --insecure"));
    assertTrue(check("table", true).out().startsWith("WARNING: Made with --insecure"));
    JsonNode sarif = new ObjectMapper().readTree(check("sarif", true).out());
    assertTrue(sarif.path("runs").get(0).path("properties").path("insecure").asBoolean());
    assertTrue(check("junit", true).out().contains("<property name=\"insecure\" value=\"true\"/>"));
  }

  @Test
  void withoutItNothingIsMarked() throws Exception {
    CliRun json = check("json", false);
    assertFalse(new ObjectMapper().readTree(json.out()).path("insecure").asBoolean());
    assertFalse(json.err().contains("insecure"), json.err());
    assertFalse(check("markdown", false).out().contains("insecure"));
    assertFalse(check("table", false).out().contains("insecure"));
    assertFalse(check("sarif", false).out().contains("\"insecure\""));
  }
}
