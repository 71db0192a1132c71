package dev.corsaudit.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.corsaudit.conformance.ConformanceCase;
import dev.corsaudit.conformance.ConformanceCases;
import dev.corsaudit.conformance.EngineAgreement;
import dev.corsaudit.conformance.VerdictSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The grader against what real Chromium and Firefox did (and the spec's answer) for every case of
 * the conformance suite. BrowserConformanceTest keeps the recorded outcomes true to the browsers;
 * this test needs no browser, so it runs everywhere.
 */
class GraderConformanceTest {

  private static final String TARGET = "http://localhost:8081";

  @Test
  void graderAgreesWithEveryRecordedBrowserOutcome() {
    List<ConformanceCase> cases = ConformanceCases.load();
    VerdictSource grader =
        (engine, c) ->
            Grader.grade(
                    c.toCorsRequest(TARGET),
                    c.toPreflightExchange(TARGET),
                    c.toActualExchange(TARGET))
                .engines()
                .get(engine)
                .outcome();
    List<EngineAgreement.Mismatch> mismatches = EngineAgreement.mismatches(grader, cases);
    long checks = cases.stream().mapToLong(c -> c.expect().size()).sum();
    System.out.println(
        "conformance grader: "
            + cases.size()
            + " cases, "
            + (checks - mismatches.size())
            + "/"
            + checks
            + " engine verdicts agree");
    assertEquals(List.of(), mismatches);
  }
}
