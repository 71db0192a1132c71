package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.corsaudit.config.Provider;
import dev.corsaudit.result.AuditResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Origins whose rows fail for different reasons stay apart, even with one verdict and status. */
class RowGroupsCauseTest {

  @Test
  void differentCausesAreDifferentRows() {
    Provider p = ScenarioFixtures.provider("gw", "Gateway", "https://gw.example/v1", false);
    AuditResult wrongOrigin =
        ScenarioFixtures.row(
            0,
            p,
            "fetch",
            "https://a.example",
            "POST",
            ScenarioFixtures.FETCH,
            ScenarioFixtures.response(
                204,
                List.of(
                    ScenarioFixtures.h("access-control-allow-origin", "https://other.example"))),
            null);
    AuditResult noHeaders =
        ScenarioFixtures.row(
            1,
            p,
            "fetch",
            "https://b.example",
            "POST",
            ScenarioFixtures.FETCH,
            ScenarioFixtures.response(
                204, List.of(ScenarioFixtures.h("access-control-allow-origin", "*"))),
            null);
    assertEquals("FAIL", RowView.verdict(wrongOrigin));
    assertEquals("FAIL", RowView.verdict(noHeaders));
    assertEquals(2, RowGroups.of(List.of(wrongOrigin, noHeaders)).size());
    assertEquals(1, RowGroups.of(List.of(wrongOrigin, wrongOrigin)).size());
  }

  @Test
  void skippedRowsOfOneProviderAreOneRow() {
    AuditResult skipped = ReportFixtures.seedRun().results().get(7);
    assertEquals(1, RowGroups.of(List.of(skipped, skipped)).size());
  }
}
