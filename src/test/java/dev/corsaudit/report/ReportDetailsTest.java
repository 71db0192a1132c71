package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.Redactor;
import dev.corsaudit.security.Finding;
import dev.corsaudit.security.FindingCode;
import dev.corsaudit.security.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Findings by severity in each format, the table's colours, JUnit escaping and redaction. */
class ReportDetailsTest {

  private static Finding finding(Severity severity) {
    return new Finding(
        "gateway",
        FindingCode.values()[0],
        severity,
        "https://evil.invalid",
        "preflight",
        severity + " message",
        "fix it",
        List.of(new HeaderLine("access-control-allow-origin", "https://evil.invalid")));
  }

  private static AuditRun withFindings(Severity... severities) {
    AuditRun scenario = ScenarioFixtures.run();
    List<Finding> findings = new ArrayList<>();
    for (Severity s : severities) {
      findings.add(finding(s));
    }
    return new AuditRun(
        scenario.toolVersion(),
        scenario.generatedAt(),
        false,
        scenario.results().subList(0, 4).stream().map(r -> r.withConfirmation(null)).toList(),
        findings,
        true);
  }

  private static String render(ReportFormat format, boolean color, AuditRun run)
      throws IOException {
    StringWriter out = new StringWriter();
    Reports.renderer(format, color).render(run, out);
    return out.toString();
  }

  @Test
  void junitFailsOnlyCriticalAndHighFindings() throws IOException {
    String xml =
        render(
            ReportFormat.JUNIT,
            false,
            withFindings(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW));
    assertTrue(xml.contains("message=\"CRITICAL "), xml);
    assertTrue(xml.contains("message=\"HIGH "), xml);
    assertFalse(xml.contains("message=\"MEDIUM "), xml);
    assertTrue(xml.contains("<system-out>MEDIUM: MEDIUM message\nfix: fix it\n</system-out>"), xml);
    assertTrue(xml.contains("<system-out>LOW: LOW message\nfix: fix it\n</system-out>"), xml);
  }

  @Test
  void sarifLevelsFollowSeverity() throws IOException {
    JsonNode sarif =
        new ObjectMapper()
            .readTree(
                render(
                    ReportFormat.SARIF,
                    false,
                    withFindings(
                        Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.INFO)));
    List<String> levels = new ArrayList<>();
    for (JsonNode r : sarif.path("runs").get(0).path("results")) {
      if (r.path("properties").has("severity")) {
        levels.add(r.path("properties").path("severity").asText() + "=" + r.path("level").asText());
        assertEquals(
            "https://gw.example.com/v1/chat/completions",
            r.path("locations")
                .get(0)
                .path("physicalLocation")
                .path("artifactLocation")
                .path("uri")
                .asText());
      }
    }
    assertEquals(List.of("CRITICAL=error", "HIGH=error", "MEDIUM=warning", "INFO=warning"), levels);
  }

  @Test
  void colouredTablePaintsVerdictsAndSeverities() throws IOException {
    String plain = render(ReportFormat.TABLE, false, withFindings(Severity.HIGH, Severity.LOW));
    String colour = render(ReportFormat.TABLE, true, withFindings(Severity.HIGH, Severity.LOW));
    assertFalse(plain.contains("\u001b["), plain);
    assertTrue(colour.contains("\u001b["), colour);
    // Without the escape codes the coloured table is the plain one.
    assertEquals(
        plain.lines().toList(),
        colour.replaceAll("\u001b\\[[0-9;]*m", "").lines().map(String::stripTrailing).toList());
    assertTrue(colour.contains("32;1mPASS"), colour);
    assertTrue(colour.contains("31;1mFAIL"), colour);
    assertTrue(colour.contains("31;1mHIGH"), colour);
    assertTrue(colour.contains("32;1mLOW"), colour);
    assertTrue(plain.contains("\nSecurity and policy findings:\n  HIGH      gateway: "), plain);
    assertTrue(
        plain.endsWith(
            "4 endpoints: 3 pass, 1 fail, 0 error, 0 skipped; 2 security/policy findings\n"),
        plain);
  }

  @Test
  void tableColumnsAreAlignedAndTrailingSpaceStripped() throws IOException {
    String table = render(ReportFormat.TABLE, false, withFindings());
    List<String> lines = table.lines().toList();
    assertEquals("#  PROVIDER  PROFILE  ORIGIN             STATUS  VERDICT  CAUSE", lines.get(0));
    assertEquals("1  gateway   fetch    https://a.example  204     PASS", lines.get(1));
    assertEquals(
        "4  gateway   fetch    https://d.example  204     FAIL     ALLOW_ORIGIN_MISMATCH",
        lines.get(4));
    for (String line : lines) {
      assertEquals(line.stripTrailing(), line);
    }
  }

  @Test
  void tableOfRowsWithNothingToSayHasOneBlankLineBeforeTheSummary() throws IOException {
    AuditRun scenario = ScenarioFixtures.run();
    AuditRun quiet =
        new AuditRun(
            "v",
            scenario.generatedAt(),
            false,
            List.of(scenario.results().get(5)),
            List.of(),
            false);
    String table = render(ReportFormat.TABLE, false, quiet);
    assertEquals(
        "#  PROVIDER   PROFILE  ORIGIN             STATUS  VERDICT  CAUSE\n"
            + "1  actual-ok  fetch    https://a.example  204     PASS\n"
            + "\n"
            + "1 endpoints: 1 pass, 0 fail, 0 error, 0 skipped\n",
        table);
    String colour = render(ReportFormat.TABLE, true, quiet);
    assertFalse(colour.lines().findFirst().orElseThrow().contains("\u001b"), "header unpainted");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a<b>&\"'c|a&lt;b&gt;&amp;&quot;&apos;c",
        "tab\tok|tab\tok",
        "bell\u0007x|bell?x",
        "nul\u0000x|nul?x",
        "us\u001fx|us?x",
        "sp x|sp x"
      })
  void junitEscapes(String raw, String escaped) {
    assertEquals(escaped, JunitReport.esc(raw));
  }

  @Test
  void junitEscapesNewlinesAndNull() {
    assertEquals("a\nb\rc", JunitReport.esc("a\nb\rc"));
    assertEquals("", JunitReport.esc(null));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Authorization|Bearer sk-1|Bearer [REDACTED]",
        "authorization|sk-1|[REDACTED]",
        "Proxy-Authorization|Basic abc|Basic [REDACTED]",
        "Authorization|' Bearer'|[REDACTED]",
        "Cookie|a=b; c=d|[REDACTED]",
        "X-Api-Key|k 1|[REDACTED]",
        "x-goog-api-key|k|[REDACTED]",
        "My-Key|k|[REDACTED]",
        "OpenAIApiKey|k|[REDACTED]",
        "X-Auth-Token|t|[REDACTED]",
        "Client-Secret|s|[REDACTED]",
        "X-Password-Hint|p|[REDACTED]",
        "x-ratelimit-remaining-tokens|10|10",
        "Content-Type|application/json|application/json",
        "Keep-Alive|k|k"
      })
  void redaction(String name, String value, String shown) {
    assertEquals(new HeaderLine(name, shown), Redactor.redact(new HeaderLine(name, value)));
  }

  @Test
  void emptySecretStaysEmpty() {
    assertEquals(
        new HeaderLine("Authorization", ""), Redactor.redact(new HeaderLine("Authorization", "")));
  }
}
