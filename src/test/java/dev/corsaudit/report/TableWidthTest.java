package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.result.AuditRun;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * On a terminal of a given width the table's columns give way in a fixed order, a cause that no
 * longer fits goes on its own line and long text wraps under its column.
 */
class TableWidthTest {

  private static String render(AuditRun run, int width, boolean showSkipped) throws IOException {
    StringWriter out = new StringWriter();
    new TableReport(false, RunNotes.DEFAULT, new TableLayout(width, showSkipped)).render(run, out);
    return out.toString();
  }

  /** The lines from the table's header to the first blank line after it. */
  private static String table(String text, String from) {
    int start = text.indexOf(from);
    return text.substring(start, text.indexOf("\n\n", start) + 1);
  }

  @Test
  void theBrowserColumnAndTheOriginWrapWithinTheirColumns() throws IOException {
    assertEquals(
        """
        2 endpoints: 1 pass, 1 fail, 0 error, 0 skipped

        #  PROVIDER   PROFILE  ORIGIN          STATUS  VERDICT  BROWSER
            CAUSE
        1  confirmed  fetch    https://        204     PASS     PASS
                               example.com                      (agrees)
        2  confirmed  fetch    http://         204     FAIL     PASS
                               localhost:3000                   (DISAGREES)
            ALLOW_ORIGIN_MISMATCH

        2. confirmed: Access-Control-Allow-Origin in the preflight response is
           'https://example.com', not the page's origin http://localhost:3000
           fix: add http://localhost:3000 to allow_origins; the match is exact
                (scheme, host, port; no trailing slash)
        """,
        render(GoldenScenarios.browserConfirmation(), 70, false));
  }

  @Test
  void aCauseWiderThanItsRoomGoesOnItsOwnLine() throws IOException {
    assertEquals(
        """
        #  PROVIDER      PROFILE     ORIGIN               STATUS   VERDICT  CAUSE
        1  openrouter    fetch       https://example.com  204      PASS
        2  azure         fetch       https://example.com  200      PASS
        3  modelstream   fetch       https://example.com  204      PASS
        4  nvidia-nim    fetch       https://example.com  200      FAIL
            VARY_WITHOUT_ALLOW
        5  opencode-zen  fetch       https://example.com  404      FAIL     SPA_FALLBACK
        6  mistral       openai-sdk  https://example.com  204      FAIL
            HEADER_NOT_ALLOWED
        7  local         fetch       https://example.com  CONNECT  ERROR    CONNECT
           note: LOCAL_NETWORK_ACCESS: A public page calling a local server: Chrome
                 (142+) asks the user for Local Network Access permission first, and the
                 page must be a secure context (https); Firefox and Safari do not ask.
                 Access-Control-Allow-Private-Network is no longer required by any
                 browser
        """,
        table(render(ReportFixtures.seedRun(), 80, false), "#  PROVIDER"));
  }

  @Test
  void aLongCauseWrapsUnderItsColumn() throws IOException {
    assertEquals(
        """
        8  openai        fetch       https://example.com  –        SKIPPED  no replica of this provider;
                                                                            run without --replicas to audit
                                                                            it live
        """,
        table(render(ReportFixtures.seedRun(), 100, true), "8  openai"));
  }

  @Test
  void aTerminalNarrowerThanFortyGetsFortyColumns() throws IOException {
    AuditRun run = GoldenScenarios.browserConfirmation();
    assertEquals(render(run, 40, false), render(run, 20, false));
    assertTrue(render(run, 40, false).contains("\n   Access-Control-Allow-Origin in the\n"));
  }

  @Test
  void widthZeroDoesNotWrap() throws IOException {
    String text = render(ReportFixtures.seedRun(), 0, false);
    assertTrue(
        text.contains(
            "\n   note: LOCAL_NETWORK_ACCESS: A public page calling a local server: Chrome"
                + " (142+) asks the user for Local Network Access permission first,"));
  }

  @Test
  void atFortyColumnsTheColumnsStopAtTheirNarrowest() throws IOException {
    assertEquals(
        """
        #  PROVIDER      PROFILE     ORIGIN          STATUS   VERDICT
            CAUSE
        1  openrouter    fetch       https://        204      PASS
                                     example.com
        2  azure         fetch       https://        200      PASS
                                     example.com
        3  modelstream   fetch       https://        204      PASS
                                     example.com
        4  nvidia-nim    fetch       https://        200      FAIL
                                     example.com
            VARY_WITHOUT_ALLOW
        5  opencode-zen  fetch       https://        404      FAIL
                                     example.com
            SPA_FALLBACK
        6  mistral       openai-sdk  https://        204      FAIL
                                     example.com
            HEADER_NOT_ALLOWED
        7  local         fetch       https://        CONNECT  ERROR
                                     example.com
            CONNECT
           note: LOCAL_NETWORK_ACCESS: A public
                 page calling a local server:
                 Chrome (142+) asks the user for
                 Local Network Access permission
                 first, and the page must be a
                 secure context (https); Firefox
                 and Safari do not ask.
                 Access-Control-Allow-Private-Ne
                 twork is no longer required by
                 any browser
        """,
        table(render(ReportFixtures.seedRun(), 40, false), "#  PROVIDER"));
    assertEquals(
        """
        #  PROVIDER    PROFILE  ORIGIN          STATUS   VERDICT  BROWSER
            CAUSE
        1  gateway     fetch    https://a.      204      PASS     PASS
                                example                           (agrees)
        2  gateway     fetch    https://b.      204      PASS
                                example
        3  gateway     fetch    https://c.      204      PASS
                                example
        4  gateway     fetch    https://d.      204      FAIL     FAIL
                                example                           (agrees)
            ALLOW_ORIGIN_MISMATCH
        5  sdk-host    custom   https://a.      204      PASS     PASS
                                example                           (DISAGREES)
        6  actual-ok   fetch    https://a.      204/429  PASS
                                example
           note: RESPONSE_HEADERS_NOT_EXPOSED:
                 Script cannot read retry-after,
                 x-ratelimit-remaining-requests:
                 they are not in
                 Access-Control-Expose-Headers
        7  actual-401  fetch    https://a.      204/401  FAIL     PASS
                                example                           (DISAGREES)
            ACTUAL_MISSING_ALLOW_ORIGIN
        8  simple      none     https://a.      200      PASS
                                example
        """,
        table(render(ScenarioFixtures.run(), 40, false), "#  PROVIDER"));
  }

  @Test
  void aColumnGivesWayOnlyUntilTheCauseHasItsRoom() throws IOException {
    assertEquals(
        """
        #  PROVIDER    PROFILE  ORIGIN             STATUS   VERDICT  BROWSER        CAUSE
        1  gateway     fetch    https://a.example  204      PASS     PASS (agrees)
        2  gateway     fetch    https://b.example  204      PASS
        3  gateway     fetch    https://c.example  204      PASS
        4  gateway     fetch    https://d.example  204      FAIL     FAIL (agrees)
            ALLOW_ORIGIN_MISMATCH
        5  sdk-host    custom   https://a.example  204      PASS     PASS
                                                                     (DISAGREES)
        6  actual-ok   fetch    https://a.example  204/429  PASS
           note: RESPONSE_HEADERS_NOT_EXPOSED: Script cannot read retry-after,
                 x-ratelimit-remaining-requests: they are not in Access-Control-Expose-Headers
        7  actual-401  fetch    https://a.example  204/401  FAIL     PASS
                                                                     (DISAGREES)
            ACTUAL_MISSING_ALLOW_ORIGIN
        8  simple      none     https://a.example  200      PASS
        """,
        table(render(ScenarioFixtures.run(), 90, false), "#  PROVIDER"));
  }
}
