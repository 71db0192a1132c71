package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corsaudit.result.ReportDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The history strip has one entry per night in date order, this run's night once, and a provider's
 * night is FAIL if any row failed, else ERROR, else PASS, else SKIPPED (NONE when it was not
 * audited).
 */
class CompatibilityPageStripTest {

  private static ObjectNode seed() throws IOException {
    return (ObjectNode)
        ReportJson.MAPPER.readTree(Path.of("src/test/resources/report/golden/seed.json").toFile());
  }

  /** The seed report with OpenRouter's row once per verdict given (not at all for none). */
  private static ReportDocument openrouterAs(String... verdicts) throws IOException {
    ObjectNode doc = seed();
    ArrayNode results = (ArrayNode) doc.path("results");
    ObjectNode openrouter = (ObjectNode) results.remove(0);
    for (String verdict : verdicts) {
      results.add(openrouter.deepCopy().put("verdict", verdict));
    }
    return ReportJson.read(doc);
  }

  private static String strip(String page) {
    int row = page.indexOf("<span class=\"name\">OpenRouter</span>");
    int start = page.indexOf("<ol class=\"strip\" aria-label=\"history\">", row);
    return page.substring(start + 39, page.indexOf("</ol>", start));
  }

  private static String li(String date, String status, String shown) {
    return "<li class=\"v "
        + status
        + "\" title=\""
        + date
        + ": "
        + status
        + "\" aria-label=\""
        + date
        + ": "
        + status
        + "\">"
        + shown
        + "</li>";
  }

  @Test
  void eachNightOnceInDateOrderWithTheProvidersStatus() throws IOException {
    ReportDocument latest = openrouterAs("PASS");
    List<CompatibilityPage.Night> history =
        List.of(
            new CompatibilityPage.Night("2026-11-22", openrouterAs("ERROR", "FAIL")),
            new CompatibilityPage.Night("2026-11-18", openrouterAs()),
            new CompatibilityPage.Night("2026-11-21", openrouterAs("SKIPPED")),
            new CompatibilityPage.Night("2026-11-23", openrouterAs("FAIL")),
            new CompatibilityPage.Night("2026-11-20", openrouterAs("SKIPPED", "PASS")),
            new CompatibilityPage.Night("2026-11-19", openrouterAs("PASS", "ERROR")));
    assertEquals(
        li("2026-11-18", "NONE", "·")
            + li("2026-11-19", "ERROR", "E")
            + li("2026-11-20", "PASS", "P")
            + li("2026-11-21", "SKIPPED", "S")
            + li("2026-11-22", "FAIL", "F")
            + li("2026-11-23", "PASS", "P"),
        strip(CompatibilityPage.render(latest, history)));
  }

  @Test
  void aRowInNoNightIsDatedByTheLastNight() throws IOException {
    ReportDocument.Row row = openrouterAs("PASS").results().get(7);
    List<CompatibilityPage.Night> nights =
        List.of(
            new CompatibilityPage.Night("2026-11-20", openrouterAs()),
            new CompatibilityPage.Night("2026-11-21", openrouterAs()));
    assertEquals("openrouter", row.id());
    assertEquals("2026-11-21", PageHistory.lastChange(row, nights));
  }

  @Test
  void theCellIsDatedByTheFirstNightOfItsCurrentRun() throws IOException {
    List<CompatibilityPage.Night> history =
        List.of(
            new CompatibilityPage.Night("2026-11-20", openrouterAs("PASS")),
            new CompatibilityPage.Night("2026-11-19", openrouterAs("FAIL")));
    assertTrue(
        CompatibilityPage.render(openrouterAs("PASS"), history)
            .contains("<span class=\"since\">since <time>2026-11-20</time></span>"));
  }
}
