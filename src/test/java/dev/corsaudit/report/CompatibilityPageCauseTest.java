package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A cell shows each engine's verdict (abbreviated, with a symbol and the word) and, behind a click,
 * each engine's first cause; its hover title is the verdict and the first cause line.
 */
class CompatibilityPageCauseTest {

  private static final String NIM_CAUSE =
      "VARY_WITHOUT_ALLOW — No Access-Control-Allow-* headers returned (only Vary: Origin,"
          + " Access-Control-Request-Method, Access-Control-Request-Headers)";
  private static final String NIM_FIX =
      " Fix: the CORS layer runs but allows nothing: add the page&#39;s origin to allow_origins,"
          + " POST to allow_methods and the requested headers to allow_headers";
  private static final String REFUSED =
      "CONNECT — connection to localhost:8000 refused (nothing listens there)";

  private static ObjectNode seed() throws IOException {
    return (ObjectNode)
        ReportJson.MAPPER.readTree(Path.of("src/test/resources/report/golden/seed.json").toFile());
  }

  private static ObjectNode row(ObjectNode doc, String id) {
    for (JsonNode row : doc.path("results")) {
      if (row.path("id").asText().equals(id)) {
        return (ObjectNode) row;
      }
    }
    throw new AssertionError(id);
  }

  private static String page(ObjectNode doc) {
    return CompatibilityPage.render(ReportJson.read(doc), List.of());
  }

  @Test
  void eachEngineIsAbbreviatedWithASymbolAndAWord() throws IOException {
    String page = page(seed());
    assertTrue(
        page.contains(
            "<span class=\"v PASS\" data-engine=\"chromium\"><abbr title=\"Chromium\">Cr</abbr>"
                + " <span class=\"sym\" aria-hidden=\"true\">✓</span> <span class=\"word\">PASS"
                + "</span></span><span class=\"v PASS\" data-engine=\"firefox\"><abbr"
                + " title=\"Firefox\">Fx</abbr> <span class=\"sym\" aria-hidden=\"true\">✓</span>"
                + " <span class=\"word\">PASS</span></span><span class=\"v PASS\""
                + " data-engine=\"webkit\"><abbr title=\"WebKit\">Wk</abbr> <span class=\"sym\""
                + " aria-hidden=\"true\">✓</span>"));
    assertTrue(
        page.contains(
            "<span class=\"sym\" aria-hidden=\"true\">✗</span> <span class=\"word\">FAIL"));
    assertTrue(
        page.contains(
            "<span class=\"sym\" aria-hidden=\"true\">!</span> <span class=\"word\">ERROR"));
    assertTrue(
        page.contains(
            "<span class=\"sym\" aria-hidden=\"true\">–</span> <span class=\"word\">SKIPPED"));
  }

  @Test
  void theCauseIsEachEnginesFirstCauseAndTheTitleItsFirstLine() throws IOException {
    String page = page(seed());
    assertTrue(
        page.contains(
            "data-row-key=\"nvidia-nim|||fetch|https://example.com\" data-verdict=\"FAIL\" title=\"FAIL:"
                + " Chromium: "
                + NIM_CAUSE
                + NIM_FIX
                + "\"><details>"));
    assertTrue(
        page.contains(
            "<div class=\"cause\">Chromium: "
                + NIM_CAUSE
                + NIM_FIX
                + "\nFirefox: "
                + NIM_CAUSE
                + NIM_FIX
                + "\nWebKit: "
                + NIM_CAUSE
                + NIM_FIX
                + "</div>"));
  }

  @Test
  void aCauseWithoutAFixSaysNoFix() throws IOException {
    ObjectNode doc = seed();
    ((ObjectNode) row(doc, "nvidia-nim").path("engines").path("chromium").path("causes").get(0))
        .putNull("fix");
    assertTrue(page(doc).contains("title=\"FAIL: Chromium: " + NIM_CAUSE + "\""));
  }

  @Test
  void aPassingCellSaysEveryEngineLetsItThrough() throws IOException {
    assertTrue(
        page(seed()).contains("title=\"PASS: Every engine lets the request through.\"><details>"));
  }

  @Test
  void aSkippedCellGivesTheReason() throws IOException {
    assertTrue(
        page(seed())
            .contains(
                "<div class=\"cause\">no replica of this provider; run without --replicas to audit"
                    + " it live</div>"));
  }

  @Test
  void withoutEngineCausesTheRowsCausesAreShown() throws IOException {
    ObjectNode doc = seed();
    row(doc, "local").path("engines").forEach(e -> ((ObjectNode) e).putArray("causes"));
    String page = page(doc);
    assertTrue(page.contains("title=\"ERROR: " + REFUSED + "\""), page);
    assertTrue(page.contains("<div class=\"cause\">" + REFUSED + "</div>"));
    row(doc, "local").putArray("causes");
    assertTrue(page(doc).contains("data-verdict=\"ERROR\" title=\"ERROR\"><details>"));
  }

  @Test
  void anEngineMissingFromTheRowShowsTheRowsVerdict() throws IOException {
    ObjectNode doc = seed();
    ((ObjectNode) row(doc, "nvidia-nim").path("engines")).remove("webkit");
    ((ObjectNode) row(doc, "nvidia-nim").path("engines").path("firefox")).putNull("verdict");
    row(doc, "nvidia-nim").put("verdict", "ERROR");
    String page = page(doc);
    String cell = page.substring(page.indexOf("data-row-key=\"nvidia-nim|||"));
    cell = cell.substring(0, cell.indexOf("</td>"));
    assertTrue(
        cell.contains(
            "<span class=\"v FAIL\" data-engine=\"chromium\"><abbr title=\"Chromium\">Cr</abbr>"),
        "an engine's own verdict where it has one: " + cell);
    assertTrue(
        cell.contains(
            "<span class=\"v ERROR\" data-engine=\"firefox\"><abbr title=\"Firefox\">Fx</abbr>"));
    assertTrue(
        cell.contains(
            "<span class=\"v ERROR\" data-engine=\"webkit\"><abbr title=\"WebKit\">Wk</abbr>"));
    assertFalse(cell.contains("WebKit: VARY_WITHOUT_ALLOW"));
  }
}
