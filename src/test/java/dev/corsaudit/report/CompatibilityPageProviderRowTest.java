package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A matrix row is one provider (and path): its name, its links, and one cell per column from the
 * row of that column.
 */
class CompatibilityPageProviderRowTest {

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
  void trackingLinksAreNumberedOnlyWhenThereAreSeveral() throws IOException {
    ObjectNode doc = seed();
    assertTrue(page(doc).contains("rel=\"noopener noreferrer\">tracking issue</a></span></th>"));
    openrouter(doc)
        .putArray("tracking")
        .add("https://example.com/issues/1")
        .add("javascript:alert(1)")
        .add("https://example.com/issues/3");
    assertTrue(
        page(doc)
            .contains(
                "<a href=\"#evidence-openrouter\">evidence</a> · <a"
                    + " href=\"https://example.com/issues/1\" rel=\"noopener noreferrer\">tracking"
                    + " issue 1</a> · <a href=\"https://example.com/issues/3\" rel=\"noopener"
                    + " noreferrer\">tracking issue 3</a></span></th>"));
  }

  @Test
  void aProviderWithoutANameShowsItsId() throws IOException {
    ObjectNode doc = seed();
    openrouter(doc).put("name", "");
    assertTrue(page(doc).contains("<span class=\"name\">openrouter</span>"));
    openrouter(doc).putNull("name");
    assertTrue(page(doc).contains("<span class=\"name\">openrouter</span>"));
  }

  @Test
  void aProviderAuditedOnSeveralPathsHasARowPerPath() throws IOException {
    ObjectNode doc = seed();
    openrouter(doc).put("path", "/embeddings");
    String page = page(doc);
    assertTrue(page.contains("<span class=\"name\">OpenRouter (POST /embeddings)</span>"), page);
    assertTrue(page.contains("<a href=\"#evidence-openrouter-post--embeddings\">evidence</a>"));
    assertTrue(
        page.contains("data-row-key=\"openrouter|/embeddings|POST|fetch|https://example.com\""));
    assertTrue(
        page.contains(
            "<section id=\"evidence-openrouter-post--embeddings\"><h3>OpenRouter (POST /embeddings)</h3>"));
  }

  @Test
  void eachColumnShowsTheRowOfThatColumn() throws IOException {
    ObjectNode doc = seed();
    ObjectNode sdk = openrouter(doc).deepCopy();
    sdk.put("profile", "openai-sdk").put("verdict", "FAIL");
    ((ArrayNode) doc.path("results")).insert(1, sdk);
    String page = page(doc);
    String row = page.substring(page.indexOf("<span class=\"name\">OpenRouter</span>"));
    row = row.substring(0, row.indexOf("</tr>"));
    assertTrue(
        row.contains(
            "<td data-row-key=\"openrouter|||fetch|https://example.com\" data-verdict=\"PASS\""),
        row);
    assertTrue(
        row.contains(
            "<td data-row-key=\"openrouter|||openai-sdk|https://example.com\""
                + " data-verdict=\"FAIL\""),
        row);
  }
}
