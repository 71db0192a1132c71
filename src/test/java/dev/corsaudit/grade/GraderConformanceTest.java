package dev.corsaudit.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.conformance.CaseChain;
import dev.corsaudit.conformance.ConformanceCase;
import dev.corsaudit.conformance.ConformanceCases;
import dev.corsaudit.conformance.EngineAgreement;
import dev.corsaudit.conformance.RecordedObservation;
import dev.corsaudit.conformance.VerdictSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The grader against what real Chromium, Firefox and WebKit did (and the spec's answer) for every
 * case of the conformance suite, redirect chains included: {@link CaseChain} follows a case's
 * redirects with {@code Redirects.follow} as the audit does and grades the hops with {@code
 * Grader.grade(..., hops)}. BrowserConformanceTest keeps the recorded outcomes true to the
 * browsers; this test needs no browser, so it runs everywhere.
 */
class GraderConformanceTest {

  private static final String TARGET = "http://localhost:8081";

  @Test
  void graderAgreesWithEveryRecordedBrowserOutcome() {
    List<ConformanceCase> cases = ConformanceCases.load();
    VerdictSource grader =
        (engine, c) -> CaseChain.grade(c, TARGET).engines().get(engine).outcome();
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

  /**
   * Chromium names a disallowed header in the order of Blink's header hash map, which cors-audit
   * does not model (it names the first in sorted order); listed in the README. Every other console
   * line the grader writes must be one the browser printed.
   */
  private static final Set<String> CHROMIUM_HEADER_ORDER =
      Set.of(
          "sdk-openai-stainless-unlisted",
          "wk-order-customs-page-order",
          "wk-order-known-lower-custom-upper");

  @Test
  void graderConsoleLinesAreTheOnesRealBrowsersPrinted() {
    List<ConformanceCase> cases = ConformanceCases.load();
    Map<Engine, int[]> counts = new EnumMap<>(Engine.class);
    List<String> differences = new ArrayList<>();
    for (ConformanceCase c : cases) {
      for (Map.Entry<Engine, RecordedObservation> seen : c.observed().entrySet()) {
        Engine engine = seen.getKey();
        String ours = CaseChain.grade(c, TARGET).engines().get(engine).consoleMessage();
        if (ours == null || seen.getValue().console().isEmpty()) {
          continue;
        }
        int[] count = counts.computeIfAbsent(engine, e -> new int[2]);
        count[1]++;
        if (seen.getValue().console().containsAll(normalized(ours))) {
          count[0]++;
        } else if (!(engine == Engine.CHROMIUM && CHROMIUM_HEADER_ORDER.contains(c.id()))) {
          differences.add(
              c.id() + " [" + engine.key() + "]: " + ours + " vs " + seen.getValue().console());
        }
      }
    }
    counts.forEach(
        (engine, count) ->
            System.out.printf(
                "conformance console %s: %d/%d lines identical%n",
                engine.key(), count[0], count[1]));
    assertEquals(List.of(), differences);
    assertTrue(counts.get(Engine.WEBKIT)[1] > 80, "WebKit console lines compared");
  }

  private static List<String> normalized(String message) {
    String origin = ConformanceCase.GRADING_ORIGIN;
    return List.of(
        message
            .replace(ConformanceCase.secondTarget(TARGET), "{target2}")
            .replace(TARGET, "{target}")
            .replace(origin, "{origin}")
            .replace(origin.toUpperCase(Locale.ROOT), "{ORIGIN}")
            .split("\n"));
  }
}
