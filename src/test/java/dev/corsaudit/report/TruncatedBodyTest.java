package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.RecordedResponse;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.ReportDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON says when a body was cut at the head size, and has no response fields on an error. */
class TruncatedBodyTest {

  @Test
  void aCutBodyIsMarkedTruncated() {
    List<AuditResult> seed = ReportFixtures.seedRun().results();
    AuditResult row = seed.get(4);
    RecordedResponse r = row.preflight().response();
    Exchange cut =
        Exchange.ofResponse(
            row.preflight().request(),
            new RecordedResponse(
                r.status(), r.httpVersion(), r.headers(), r.contentType(), r.bodyHead(), true),
            ReportFixtures.AT,
            4);
    AuditRun run =
        new AuditRun(
            ReportFixtures.VERSION,
            ReportFixtures.AT,
            false,
            List.of(AuditResult.graded(row.target(), cut, null, row.verdict()), seed.get(6)));
    List<ReportDocument.Row> rows = ReportModel.document(run).results();
    assertTrue(rows.get(0).preflight().bodyTruncated());
    assertEquals(r.bodyHead(), rows.get(0).preflight().bodyHead());
    ReportDocument.Exchange refused = rows.get(1).preflight();
    assertFalse(refused.bodyTruncated());
    assertNull(refused.status());
    assertNull(refused.bodyHead());
    assertEquals("CONNECT", refused.error().kind());
  }
}
