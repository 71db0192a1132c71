package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The page's head says what made it and the counts, flags replica data, names its columns, and is
 * followed by the evidence and the findings.
 */
class CompatibilityPageHeadTest {

  private static ObjectNode seed() throws IOException {
    return (ObjectNode)
        ReportJson.MAPPER.readTree(Path.of("src/test/resources/report/golden/seed.json").toFile());
  }

  private static String page(ObjectNode doc) {
    return CompatibilityPage.render(ReportJson.read(doc), List.of());
  }

  @Test
  void theHeadSaysWhatMadeThePageAndTheCounts() throws IOException {
    String page = page(seed());
    assertTrue(page.startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"));
    assertTrue(
        page.contains(
            "<p class=\"meta\">Generated 2026-11-23T03:00:00Z by cors-audit 0.1.0-test. 8 rows:"
                + " 3 pass, 3 fail, 1 error, 1 skipped.</p>\n"));
    assertTrue(page.endsWith("</main>\n</body>\n</html>\n"));
  }

  @Test
  void replicaDataIsFlagged() throws IOException {
    assertTrue(page(seed()).contains("<strong>Replica data.</strong>"));
    ObjectNode live = seed();
    live.put("replicas", false);
    assertFalse(page(live).contains("Replica data"));
  }

  @Test
  void eachProfileAndOriginIsAColumn() throws IOException {
    assertTrue(
        page(seed())
            .contains(
                "<th scope=\"col\">Provider</th><th scope=\"col\">fetch @ https://example.com</th>"
                    + "<th scope=\"col\">openai-sdk @ https://example.com</th>"
                    + "<th scope=\"col\">Last 30 nights</th>"));
  }

  @Test
  void theEvidenceAndTheFindingsFollowTheMatrix() throws IOException {
    String page = page(seed());
    int matrix = page.indexOf("</table>\n</div>\n<h2>Evidence</h2>");
    int findings = page.indexOf("<h2>Security and policy findings</h2>");
    assertTrue(matrix > 0 && findings > matrix, "matrix, evidence, findings");
    assertTrue(
        page.contains(
            "<tr><td>CRITICAL</td><td>mistral</td><td><code>REFLECTS_ANY_ORIGIN</code></td>"
                + "<td><code>https://cors-audit-attacker.invalid</code></td><td>allows an"
                + " arbitrary attacker origin"));
    ObjectNode none = seed();
    none.putArray("findings");
    assertFalse(page(none).contains("Security and policy findings"));
  }

  @Test
  void aGeneratedAtThatIsNoInstantIsShownAsItIs() throws IOException {
    ObjectNode odd = seed();
    odd.put("generated_at", "soon");
    String page = page(odd);
    assertTrue(page.contains("Generated soon by"));
    assertTrue(page.contains("title=\"soon: PASS\""), "the strip's night is dated as given");
    odd.putNull("generated_at");
    assertTrue(page(odd).contains("title=\"null: PASS\""));
  }
}
