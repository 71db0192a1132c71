package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.result.Redactor;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The machine-readable formats hold their documented contracts. */
class ReportContractTest {

  static String render(ReportFormat format) throws Exception {
    StringWriter out = new StringWriter();
    Reports.renderer(format, false).render(ReportFixtures.seedRun(), out);
    return out.toString();
  }

  static JsonSchema schema() throws Exception {
    try (InputStream in =
        ReportContractTest.class.getResourceAsStream("/schema/cors-audit-report.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
  }

  @Test
  void jsonValidatesAgainstTheSchema() throws Exception {
    JsonNode json = new ObjectMapper().readTree(render(ReportFormat.JSON));
    Set<ValidationMessage> errors = schema().validate(json);
    assertEquals(Set.of(), errors);
    JsonNode nim = json.path("results").get(3);
    assertEquals("nvidia-nim", nim.path("id").asText());
    assertEquals("FAIL", nim.path("verdict").asText());
    assertEquals("VARY_WITHOUT_ALLOW", nim.path("causes").get(0).path("code").asText());
    assertEquals("vary", nim.path("preflight").path("headers").get(0).get(0).asText());
    assertTrue(
        nim.path("engines")
            .path("firefox")
            .path("console_message")
            .asText()
            .startsWith("Cross-Origin Request Blocked"));
  }

  /**
   * The report committed under reports/ follows the contract (replica data now, live after a
   * nightly run).
   */
  @Test
  void committedReportFollowsTheSchema() throws Exception {
    JsonNode latest =
        new ObjectMapper().readTree(java.nio.file.Path.of("reports/latest.json").toFile());
    // The nightly job replaces it with live data; either way it must follow the contract.
    assertEquals(Set.of(), schema().validate(latest));
  }

  @Test
  void schemaRejectsABrokenReport() throws Exception {
    JsonNode json = new ObjectMapper().readTree(render(ReportFormat.JSON));
    ((com.fasterxml.jackson.databind.node.ObjectNode) json.path("results").get(0))
        .put("verdict", "MAYBE");
    assertFalse(schema().validate(json).isEmpty());
  }

  @Test
  void junitXmlHasOneTestcasePerRow() throws Exception {
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(
                new ByteArrayInputStream(
                    render(ReportFormat.JUNIT).getBytes(StandardCharsets.UTF_8)));
    Element suite = doc.getDocumentElement();
    assertEquals("testsuite", suite.getTagName());
    // 8 rows plus 1 CRITICAL security finding, which fails its own test case.
    assertEquals("9", suite.getAttribute("tests"));
    assertEquals("4", suite.getAttribute("failures"));
    assertEquals("1", suite.getAttribute("errors"));
    assertEquals("1", suite.getAttribute("skipped"));
    NodeList cases = suite.getElementsByTagName("testcase");
    assertEquals(9, cases.getLength());
    assertEquals("mistral.security", ((Element) cases.item(8)).getAttribute("classname"));
    Element nim = (Element) cases.item(3);
    assertEquals("nvidia-nim", nim.getAttribute("classname"));
    assertEquals("fetch @ https://example.com", nim.getAttribute("name"));
    Element failure = (Element) nim.getElementsByTagName("failure").item(0);
    assertTrue(failure.getAttribute("message").startsWith("VARY_WITHOUT_ALLOW: "));
  }

  /** Maven Surefire's own report parser reads our JUnit XML as it reads real test results. */
  @Test
  void junitXmlIsReadBySurefiresReportParser() throws Exception {
    var parser =
        new org.apache.maven.plugins.surefire.report.TestSuiteXmlParser(
            new org.apache.maven.plugin.surefire.log.api.NullConsoleLogger());
    var suites =
        parser.parse(
            new java.io.InputStreamReader(
                new ByteArrayInputStream(
                    render(ReportFormat.JUNIT).getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8));
    // Surefire groups test cases by class name: one group per provider.
    assertEquals(9, suites.stream().mapToInt(x -> x.getNumberOfTests()).sum());
    assertEquals(4, suites.stream().mapToInt(x -> x.getNumberOfFailures()).sum());
    assertEquals(1, suites.stream().mapToInt(x -> x.getNumberOfErrors()).sum());
    assertEquals(1, suites.stream().mapToInt(x -> x.getNumberOfSkipped()).sum());
    var nim =
        suites.stream()
            .flatMap(x -> x.getTestCases().stream())
            .filter(c -> c.getFullClassName().equals("nvidia-nim"))
            .findFirst()
            .orElseThrow();
    assertEquals("nvidia-nim", nim.getFullClassName());
    assertTrue(nim.hasFailure());
    assertTrue(nim.getFailureMessage().startsWith("VARY_WITHOUT_ALLOW"), nim.getFailureMessage());
  }

  @Test
  void sarifValidatesAgainstTheOfficialSchema() throws Exception {
    JsonNode sarif = new ObjectMapper().readTree(render(ReportFormat.SARIF));
    try (InputStream in =
        ReportContractTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
      assertEquals(Set.of(), schema.validate(sarif));
    }
  }

  @Test
  void sarifHasRulesResultsAndLocations() throws Exception {
    JsonNode sarif = new ObjectMapper().readTree(render(ReportFormat.SARIF));
    assertEquals("2.1.0", sarif.path("version").asText());
    JsonNode run = sarif.path("runs").get(0);
    assertEquals("cors-audit", run.path("tool").path("driver").path("name").asText());
    Set<String> ruleIds = new java.util.HashSet<>();
    run.path("tool").path("driver").path("rules").forEach(r -> ruleIds.add(r.path("id").asText()));
    for (JsonNode result : run.path("results")) {
      assertTrue(
          ruleIds.contains(result.path("ruleId").asText()), "every result names a declared rule");
      assertTrue(Set.of("error", "warning", "note").contains(result.path("level").asText()));
      assertFalse(result.path("message").path("text").asText().isEmpty());
      assertTrue(
          result
              .path("locations")
              .get(0)
              .path("physicalLocation")
              .path("artifactLocation")
              .path("uri")
              .asText()
              .startsWith("http"));
    }
    assertTrue(
        ruleIds.containsAll(
            Set.of(
                "VARY_WITHOUT_ALLOW",
                "SPA_FALLBACK",
                "HEADER_NOT_ALLOWED",
                "CONNECT",
                "REFLECTS_ANY_ORIGIN")));
  }

  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void noSecretReachesAnyFormat(ReportFormat format) throws Exception {
    String text = render(format);
    assertFalse(text.contains("sk-cors-audit-placeholder"), format + " leaked a key");
    assertTrue(format != ReportFormat.JSON || text.contains("Bearer [REDACTED]"));
  }

  @Test
  void redactionKeepsTheSchemeAndRateLimitNumbers() {
    assertEquals(
        "Bearer [REDACTED]",
        Redactor.redact(new HeaderLine("Authorization", "Bearer sk-123")).value());
    assertEquals("[REDACTED]", Redactor.redact(new HeaderLine("x-api-key", "sk-ant-1")).value());
    assertEquals("[REDACTED]", Redactor.redact(new HeaderLine("Cookie", "session=1")).value());
    assertEquals("[REDACTED]", Redactor.redact(new HeaderLine("X-Goog-Api-Key", "k")).value());
    assertEquals(
        "99", Redactor.redact(new HeaderLine("x-ratelimit-remaining-tokens", "99")).value());
    assertEquals(
        "authorization,content-type",
        Redactor.redact(
                new HeaderLine("Access-Control-Request-Headers", "authorization,content-type"))
            .value());
  }
}
