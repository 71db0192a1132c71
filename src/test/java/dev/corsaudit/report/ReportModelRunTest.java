package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.ReportDocument;
import dev.corsaudit.result.RunSummary;
import dev.corsaudit.result.Shard;
import dev.corsaudit.result.ShardPart;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report of a run says whether it was interrupted and, for one shard's run, which shard and
 * where each row sits in the whole plan.
 */
class ReportModelRunTest {

  private static final List<AuditResult> SEED = ReportFixtures.seedRun().results();

  @Test
  void aRunWithAnUnfinishedRowIsIncomplete() {
    List<AuditResult> rows = List.of(SEED.get(0), AuditResult.unfinished(SEED.get(1).target()));
    AuditRun run = new AuditRun(ReportFixtures.VERSION, ReportFixtures.AT, false, rows);
    assertEquals(Boolean.FALSE, ReportModel.document(run).complete());
    AuditRun finished =
        new AuditRun(ReportFixtures.VERSION, ReportFixtures.AT, false, List.of(SEED.get(0)));
    assertEquals(Boolean.TRUE, ReportModel.document(finished).complete());
  }

  @Test
  void aShardsRunNamesItsShardAndRowPositions() {
    List<AuditResult> rows = List.of(SEED.get(2), SEED.get(5));
    AuditRun run =
        new AuditRun(
            ReportFixtures.VERSION,
            ReportFixtures.AT,
            false,
            rows,
            List.of(),
            false,
            RunSummary.of(rows),
            new ShardPart(new Shard(2, 3), 8));
    assertEquals(
        new ReportDocument.ShardInfo(2, 3, 8, List.of(2, 5)), ReportModel.document(run).shard());
    assertNull(ReportModel.document(ReportFixtures.seedRun()).shard());
  }
}
