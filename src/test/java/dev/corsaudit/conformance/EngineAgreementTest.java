package dev.corsaudit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.grade.Engine;
import dev.corsaudit.grade.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison seam the grader plugs into, exercised with table-driven sources. */
class EngineAgreementTest {

  private final List<ConformanceCase> cases = ConformanceCases.load();

  @Test
  void aSourceThatRepeatsTheRecordsAgreesEverywhere() {
    VerdictSource recorded = (engine, c) -> c.expect().get(engine);

    assertTrue(EngineAgreement.mismatches(recorded, cases).isEmpty());
  }

  @Test
  void aSourceThatFollowsTheSpecForEveryEngineIsCaughtWhereBrowsersDiffer() {
    // Browsers let ACAH * cover Authorization; the spec does not (cors-rules.md §4).
    VerdictSource specOnly = (engine, c) -> c.expect().get(Engine.SPEC);

    List<EngineAgreement.Mismatch> mismatches = EngineAgreement.mismatches(specOnly, cases);

    assertTrue(
        mismatches.contains(
            new EngineAgreement.Mismatch(
                "acah-star-authorization", Engine.CHROMIUM, Outcome.PASS, Outcome.FAIL)),
        mismatches::toString);
    assertTrue(mismatches.stream().noneMatch(m -> m.engine() == Engine.SPEC));
  }

  @Test
  void aSourceThatPassesEverythingMissesEveryRecordedFailure() {
    VerdictSource lenient = (engine, c) -> Outcome.PASS;

    long recordedFailures =
        cases.stream()
            .flatMap(c -> c.expect().values().stream())
            .filter(outcome -> outcome == Outcome.FAIL)
            .count();
    assertEquals(recordedFailures, EngineAgreement.mismatches(lenient, cases).size());
  }
}
