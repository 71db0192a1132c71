package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.corsaudit.result.AuditResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Markdown's preflight cache line names each engine's cache time, or that it does not cache.
 */
class PreflightCacheLineTest {

  private static AuditResult withMaxAge(String value) {
    return ScenarioFixtures.row(
        0,
        ScenarioFixtures.provider("p", "P", "https://p.example/v1", false),
        "fetch",
        "https://a.example",
        "POST",
        ScenarioFixtures.FETCH,
        ScenarioFixtures.response(
            204,
            List.of(
                ScenarioFixtures.h("access-control-allow-origin", "*"),
                ScenarioFixtures.h("access-control-allow-headers", "authorization, content-type"),
                ScenarioFixtures.h("access-control-max-age", value))),
        null);
  }

  @Test
  void anEngineThatDoesNotCacheSaysSo() {
    assertEquals(
        "chromium 0 s, firefox not cached, webkit 0 s", MarkdownReport.cacheLine(withMaxAge("0")));
    assertEquals(
        "chromium 5 s, firefox not cached, webkit 5 s",
        MarkdownReport.cacheLine(withMaxAge("abc")));
  }
}
