package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.config.Endpoint;
import dev.corsaudit.config.Provider;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.AuditTarget;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A provider audited on several paths names the method and path of each row. */
class MultiPathRowTest {

  private static AuditRun run() {
    AuditResult row = ReportFixtures.seedRun().results().get(0);
    AuditTarget t = row.target();
    Provider p = t.provider();
    Provider multi =
        new Provider(
            p.id(),
            p.name(),
            p.baseUrl(),
            "/embeddings",
            p.baseUrl() + "/embeddings",
            p.method(),
            p.profiles(),
            p.origins(),
            p.credentials(),
            p.notes(),
            p.models(),
            p.tracking(),
            p.replica(),
            p.replicaOnly(),
            p.apiKeyEnv(),
            p.actual(),
            p.policy(),
            p.group(),
            p.noReplica(),
            List.of(new Endpoint("/chat/completions", "POST"), new Endpoint("/embeddings", "POST")),
            p.where());
    AuditTarget target =
        new AuditTarget(
            t.seq(), multi, t.profile(), t.request(), t.plans(), t.probeUrl(), t.skipReason());
    return new AuditRun(
        ReportFixtures.VERSION,
        ReportFixtures.AT,
        false,
        List.of(AuditResult.graded(target, row.preflight(), null, row.verdict())));
  }

  private static String render(ReportFormat format) throws Exception {
    StringWriter out = new StringWriter();
    Reports.renderer(format, false).render(run(), out);
    return out.toString();
  }

  @Test
  void theTableAndTheMarkdownNameThePath() throws Exception {
    String table = render(ReportFormat.TABLE);
    assertTrue(table.contains("\n1  openrouter POST /embeddings  fetch  "), table);
    String md = render(ReportFormat.MARKDOWN);
    assertTrue(md.contains("\n### 1. OpenRouter POST /embeddings\n"), md);
  }
}
