package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Evidence blocks for the two failing providers of the compatibility report. */
@Timeout(60)
class EvidenceCommandTest {

  @Test
  void nimEvidenceHasCurlVerbatimHeadersAndFix() {
    CliRun run = CliRun.of("evidence", "nvidia-nim", "--replicas");
    assertEquals(1, run.code(), run.err());
    String md = run.out();
    assertTrue(md.contains("curl -i --http1.1 -X OPTIONS 'http://127.0.0.1:"), md);
    assertTrue(md.contains("-H 'Access-Control-Request-Method: POST'"));
    assertTrue(md.contains("-H 'Access-Control-Request-Headers: authorization,content-type'"));
    assertTrue(md.contains("-H 'Origin: https://example.com'"));
    assertTrue(md.contains("```http\nHTTP/1.1 200 OK\n"), md);
    assertTrue(
        md.contains(
            "\nvary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers\n"),
        md);
    assertTrue(md.contains("Verdict: FAIL"));
    assertTrue(md.contains("`VARY_WITHOUT_ALLOW`"));
    assertTrue(
        md.contains(
            "> Access to fetch at 'https://integrate.api.nvidia.com/v1/chat/completions' from origin 'https://example.com' has been blocked by CORS policy"));
    assertTrue(
        md.contains(
            "Access-Control-Allow-Origin: *\nAccess-Control-Allow-Methods: POST, OPTIONS\nAccess-Control-Allow-Headers: Authorization, Content-Type\nAccess-Control-Max-Age: 86400"),
        md);
    assertTrue(md.contains("\"allow_origins\" : [ \"*\" ]"), md);
    assertTrue(md.contains("\"allow_credentials\" : false"), md);
    assertTrue(md.contains("with cors-audit "));
    assertFalse(md.contains("sk-cors-audit-placeholder"), "no secret in evidence");
    assertTrue(md.contains("Bearer [REDACTED]"));
  }

  @Test
  void opencodeEvidenceShowsTheHtmlPage() {
    CliRun run = CliRun.of("evidence", "opencode-zen", "--replicas");
    assertEquals(1, run.code());
    assertTrue(run.out().contains("HTTP/1.1 404 Not Found"));
    assertTrue(run.out().contains("<!DOCTYPE html>"));
    assertTrue(run.out().contains("`SPA_FALLBACK`"));
    assertTrue(run.out().contains("**Suggested fix.**"));
  }

  @Test
  void unknownProviderIsAUsageError() {
    CliRun run = CliRun.of("evidence", "nope", "--replicas");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("unknown provider id 'nope'"), run.err());
    assertFalse(run.err().contains("--only"), "evidence has no --only: " + run.err());
  }
}
