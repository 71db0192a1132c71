package dev.corsaudit.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.corsaudit.grade.Engine;
import dev.corsaudit.grade.EngineVerdict;
import dev.corsaudit.grade.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every conformance case in real headless Chromium and Firefox and in WebKitGTK's MiniBrowser
 * on a private Xvfb display (one launch per browser) and holds each case's recorded {@code expect}
 * and {@code observed} (requests the server saw, readable headers, console lines) against what the
 * browser actually did. This is what keeps the case files honest; the grader is compared with the
 * same files in EngineAgreementTest without launching anything.
 */
class BrowserConformanceTest {

  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);

  @ParameterizedTest
  @EnumSource(Browser.class)
  void browserDoesWhatTheCaseFilesSay(Browser browser, @TempDir Path work) throws Exception {
    assumeFalse(
        Boolean.getBoolean("browsers.skip"), "browser conformance skipped: browsers.skip=true");
    assumeTrue(
        browser.installed(),
        () -> "browser conformance skipped: " + browser.missing() + " is not installed");
    // -Dconformance.only=<id prefix> runs just those cases, e.g. while writing a new case file.
    String only = System.getProperty("conformance.only", "");
    List<ConformanceCase> cases =
        ConformanceCases.load().stream().filter(c -> c.id().startsWith(only)).toList();

    ConformanceRun.Result result = ConformanceRun.run(browser, cases, work, RUN_TIMEOUT);
    Path written = ObservationFiles.write(result);
    System.out.printf(
        "conformance %s: %d cases, %d observed -> %s%n",
        browser.key(), cases.size(), result.observations().size(), written);

    assertTrue(
        result.finished() && result.observations().size() == cases.size(),
        () ->
            browser.key()
                + " reported "
                + result.observations().size()
                + " of "
                + cases.size()
                + " cases within "
                + RUN_TIMEOUT
                + "; browser output tail:\n"
                + tail(result.log(), 3000));
    List<String> problems = new ArrayList<>();
    Map<String, Observation> byId =
        result.observations().stream()
            .collect(Collectors.toMap(Observation::id, Function.identity()));
    int agree = 0;
    int consoleSame = 0;
    int consoleCompared = 0;
    for (ConformanceCase c : cases) {
      Observation seen = byId.get(c.id());
      problems.addAll(check(browser, c, seen, result.pageOrigin()));
      // cors-audit's own verdict for this engine, held against what the browser just did.
      EngineVerdict ours = grade(browser.engine(), c);
      if (ours.outcome() == seen.outcome()) {
        agree++;
      } else {
        problems.add(
            c.id()
                + ": cors-audit says "
                + ours.outcome()
                + " for "
                + browser.key()
                + " but the browser gave "
                + seen.outcome()
                + " "
                + seen.consoleLines());
      }
      if (ours.consoleMessage() != null && !seen.consoleLines().isEmpty()) {
        consoleCompared++;
        List<String> normalized = normalizedConsole(ours.consoleMessage());
        if (seen.consoleLines().containsAll(normalized)) {
          consoleSame++;
        } else {
          System.out.println(
              "  console differs for "
                  + c.id()
                  + ":\n    browser:    "
                  + String.join(" | ", seen.consoleLines())
                  + "\n    cors-audit: "
                  + String.join(" | ", normalized));
        }
      }
    }
    System.out.printf(
        "conformance %s: %d cases, %d agreements with cors-audit's verdict, %d/%d console lines identical%n",
        browser.key(), cases.size(), agree, consoleSame, consoleCompared);
    if (!problems.isEmpty()) {
      fail(
          browser.key()
              + ": "
              + problems.size()
              + " disagreement(s)\n"
              + String.join("\n", problems));
    }
  }

  /**
   * cors-audit's console message for a case graded at {@link ConformanceCase#GRADING_ORIGIN}, as
   * the normalised lines a browser's console shows (WebKit's message is two lines).
   */
  static List<String> normalizedConsole(String message) {
    String origin = ConformanceCase.GRADING_ORIGIN;
    return List.of(
        message
            .replace(ConformanceCase.secondTarget(TARGET), "{target2}")
            .replace(TARGET, "{target}")
            .replace(origin, "{origin}")
            .replace(origin.toUpperCase(Locale.ROOT), "{ORIGIN}")
            .split("\n"));
  }

  private static List<String> check(
      Browser browser, ConformanceCase c, Observation seen, String pageOrigin) {
    List<String> problems = new ArrayList<>();
    RecordedObservation recorded = c.observed().get(browser.engine());
    RecordedObservation fresh = RecordedObservation.of(seen, pageOrigin);
    if (recorded == null) {
      problems.add(c.id() + ": no observed." + browser.key() + " recorded; this run saw " + fresh);
    } else if (!recorded.equals(fresh)) {
      problems.add(
          c.id()
              + ": recorded observed."
              + browser.key()
              + "\n    "
              + recorded
              + "\n  but saw\n    "
              + fresh);
    }
    Outcome expected = c.expect().get(browser.engine());
    if (seen.outcome() != expected) {
      problems.add(
          c.id()
              + ": expected "
              + expected
              + " but "
              + browser.key()
              + " gave "
              + seen.outcome()
              + " ("
              + seen.error()
              + ", status "
              + seen.status()
              + ") "
              + seen.consoleLines());
    }
    boolean preflighted = seen.preflights() > 0;
    boolean expectsPreflight = c.needsPreflight(browser.engine());
    if (preflighted != expectsPreflight) {
      problems.add(
          c.id()
              + ": case "
              + (expectsPreflight ? "expects" : "does not expect")
              + " a preflight but "
              + browser.key()
              + " sent "
              + seen.preflights());
    }
    if (preflighted && expectsPreflight) {
      String expectedAcrh = c.requestHeadersHeader(browser.engine());
      if (!Objects.equals(expectedAcrh, seen.requestHeadersHeader())) {
        problems.add(
            c.id()
                + ": preflight Access-Control-Request-Headers expected "
                + expectedAcrh
                + " but "
                + browser.key()
                + " sent "
                + seen.requestHeadersHeader());
      }
    }
    return problems;
  }

  private static final String TARGET = "http://localhost:8081";

  private static EngineVerdict grade(Engine engine, ConformanceCase c) {
    return CaseChain.grade(c, TARGET).engines().get(engine);
  }

  private static String tail(String text, int chars) {
    return text.length() <= chars ? text : text.substring(text.length() - chars);
  }
}
