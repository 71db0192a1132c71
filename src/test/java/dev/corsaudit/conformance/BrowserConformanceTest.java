package dev.corsaudit.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.corsaudit.grade.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every conformance case in real headless Chromium and Firefox (one launch per browser) and
 * holds each case's recorded {@code expect} against what the browser actually did. This is what
 * keeps the case files honest; the grader is compared with the same files in
 * EngineAgreementTest without launching anything.
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
        () -> "browser conformance skipped: " + browser.binary() + " is not installed");
    List<ConformanceCase> cases = ConformanceCases.load();

    ConformanceRun.Result result = ConformanceRun.run(browser, cases, work, RUN_TIMEOUT);
    Path written = ObservationFiles.write(result);
    System.out.printf(
        "conformance %s: %d cases, %d observed -> %s%n",
        browser.key(), cases.size(), result.observations().size(), written);

    assertTrue(
        result.finished() && result.observations().size() == cases.size(),
        () ->
            browser.key() + " reported " + result.observations().size() + " of " + cases.size()
                + " cases within " + RUN_TIMEOUT + "; browser output tail:\n"
                + tail(result.log(), 3000));
    List<String> problems = new ArrayList<>();
    Map<String, Observation> byId =
        result.observations().stream()
            .collect(Collectors.toMap(Observation::id, Function.identity()));
    for (ConformanceCase c : cases) {
      problems.addAll(check(browser, c, byId.get(c.id())));
    }
    if (!problems.isEmpty()) {
      fail(
          browser.key() + ": " + problems.size() + " disagreement(s)\n"
              + String.join("\n", problems));
    }
  }

  private static List<String> check(Browser browser, ConformanceCase c, Observation seen) {
    List<String> problems = new ArrayList<>();
    Outcome expected = c.expect().get(browser.engine());
    if (seen.outcome() != expected) {
      problems.add(
          c.id() + ": expected " + expected + " but " + browser.key() + " gave " + seen.outcome()
              + " (" + seen.error() + ", status " + seen.status() + ") " + seen.consoleLines());
    }
    boolean preflighted = seen.preflights() > 0;
    if (preflighted != c.expectsPreflight()) {
      problems.add(
          c.id() + ": case " + (c.expectsPreflight() ? "expects" : "does not expect")
              + " a preflight but " + browser.key() + " sent " + seen.preflights());
    }
    if (preflighted && c.expectsPreflight()) {
      String expectedAcrh = c.requestHeadersHeader(browser.engine());
      if (!Objects.equals(expectedAcrh, seen.requestHeadersHeader())) {
        problems.add(
            c.id() + ": preflight Access-Control-Request-Headers expected " + expectedAcrh + " but "
                + browser.key() + " sent " + seen.requestHeadersHeader());
      }
    }
    return problems;
  }

  private static String tail(String text, int chars) {
    return text.length() <= chars ? text : text.substring(text.length() - chars);
  }
}
