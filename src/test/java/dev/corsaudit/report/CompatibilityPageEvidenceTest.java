package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The evidence section lists, per row, the verdict, what came back (or why nothing did) and the
 * Access-Control-* and Vary lines of the answer.
 */
class CompatibilityPageEvidenceTest {

  private static final String OPENROUTER_LINES =
      "<pre>access-control-allow-headers: Authorization, User-Agent, X-Api-Key, X-CSRF-Token,"
          + " X-Requested-With, Accept, Content-Type\n"
          + "access-control-allow-methods: GET,OPTIONS,PATCH,DELETE,POST,PUT\n"
          + "access-control-allow-origin: *</pre></li>\n";

  private static ObjectNode seed() throws IOException {
    return (ObjectNode)
        ReportJson.MAPPER.readTree(Path.of("src/test/resources/report/golden/seed.json").toFile());
  }

  private static ObjectNode openrouter(ObjectNode doc) {
    return (ObjectNode) doc.path("results").get(0);
  }

  private static String page(ObjectNode doc) {
    return CompatibilityPage.render(ReportJson.read(doc), List.of());
  }

  @Test
  void eachRowSaysWhatCameBack() throws IOException {
    String page = page(seed());
    assertTrue(
        page.contains(
            "<section id=\"evidence-openrouter\"><h3>OpenRouter</h3>\n<pre><code>cors-audit"
                + " evidence openrouter</code></pre>\n<ul>\n"
                + "<li>fetch @ https://example.com: PASS, OPTIONS → 204"
                + OPENROUTER_LINES
                + "</ul></section>\n"));
    assertTrue(
        page.contains(
            "<li>fetch @ https://example.com: FAIL, OPTIONS → 200<pre>vary: Origin,"
                + " Access-Control-Request-Method, Access-Control-Request-Headers</pre></li>\n"));
    assertTrue(page.contains("<li>fetch @ https://example.com: FAIL, OPTIONS → 404</li>\n"));
    assertTrue(
        page.contains("<li>fetch @ https://example.com: ERROR, no response (CONNECT)</li>\n"));
    assertTrue(
        page.contains(
            "<li>fetch @ https://example.com: SKIPPED (no replica of this provider; run without"
                + " --replicas to audit it live)</li>\n"));
  }

  @Test
  void withoutAPreflightTheActualResponseIsShown() throws IOException {
    ObjectNode doc = seed();
    openrouter(doc).set("actual", openrouter(doc).remove("preflight"));
    openrouter(doc).putNull("preflight");
    assertTrue(
        page(doc)
            .contains("<li>fetch @ https://example.com: PASS, OPTIONS → 204" + OPENROUTER_LINES));
  }

  @Test
  void anExchangeWithoutItsRequestShowsTheStatus() throws IOException {
    ObjectNode doc = seed();
    ((ObjectNode) openrouter(doc).path("preflight")).putNull("request");
    assertTrue(page(doc).contains("<li>fetch @ https://example.com: PASS, 204" + OPENROUTER_LINES));
  }

  @Test
  void headerNamesMatchInAnyCaseAndAMissingValueIsEmpty() throws IOException {
    ObjectNode doc = seed();
    var headers = ((ObjectNode) openrouter(doc).path("preflight")).putArray("headers");
    headers.addArray();
    headers.addArray().add("Access-Control-Allow-Origin");
    headers.addArray().add("Vary").add("Origin");
    headers.addArray().add("Content-Type").add("text/plain");
    assertTrue(
        page(doc)
            .contains(
                "<li>fetch @ https://example.com: PASS, OPTIONS → 204<pre>"
                    + "Access-Control-Allow-Origin: \nVary: Origin</pre></li>\n"));
  }
}
