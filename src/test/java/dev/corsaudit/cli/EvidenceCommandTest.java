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
    // The replica's port is gone after the run: the command names the real endpoint.
    assertTrue(
        md.contains(
            "curl -i --http1.1 -X OPTIONS 'https://integrate.api.nvidia.com/v1/chat/completions'"),
        md);
    assertFalse(md.contains("127.0.0.1"), md);
    assertTrue(md.contains("> The answer below came from a replica"), md);
    assertTrue(md.contains("- **Tracking:** https://github.com/codexu/note-gen/issues/974"), md);
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
  void evidenceForAUrlNeedsNoId() throws Exception {
    try (mockwebserver3.MockWebServer server = new mockwebserver3.MockWebServer()) {
      server.enqueue(
          new mockwebserver3.MockResponse.Builder()
              .code(204)
              .addHeader("Access-Control-Allow-Origin", "*")
              .build());
      server.start();
      CliRun run = CliRun.of("evidence", "--url", server.url("/v1/chat").toString(), "-q");
      assertTrue(run.code() == 0 || run.code() == 1, run.code() + ": " + run.err());
      assertTrue(run.out().contains("curl -i"), run.out());
      assertTrue(run.out().contains("/v1/chat'"), run.out());
    }
    CliRun neither = CliRun.of("evidence");
    assertEquals(2, neither.code());
    assertTrue(neither.err().contains("name a PROVIDER_ID from providers.yaml, or give --url URL"));
  }

  @Test
  void unknownProviderIsAUsageError() {
    CliRun run = CliRun.of("evidence", "nope", "--replicas");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("unknown provider id 'nope'"), run.err());
    assertFalse(run.err().contains("--only"), "evidence has no --only: " + run.err());
  }
}
