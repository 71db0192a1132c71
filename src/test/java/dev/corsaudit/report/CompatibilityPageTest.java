package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.result.ReportDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compatibility page's text is escaped, its links are safe and its dates come from history. */
class CompatibilityPageTest {

  private static String seed() throws IOException {
    return Files.readString(Path.of("src/test/resources/report/golden/seed.json"));
  }

  private static String first(String text, String what, String with) {
    int at = text.indexOf(what);
    return text.substring(0, at) + with + text.substring(at + what.length());
  }

  @Test
  void networkTextIsNeverMarkup() throws IOException {
    String hostile =
        first(
            first(seed(), "\"OpenRouter\"", "\"<img src=x onerror=alert(1)>\\u202eOpen\""),
            "\"tracking\" : [ ]",
            "\"tracking\" : [ \"javascript:alert(1)\","
                + " \"https://example.com/i?a=1&b=\\\"><script>\" ]");
    String html = CompatibilityPage.render(ReportJson.read(hostile), List.of());
    assertFalse(html.contains("<img"), "a name is text");
    assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;\\u202eOpen"), "shown, escaped");
    assertFalse(html.contains("javascript:"), "no javascript: link");
    assertFalse(html.contains("<script"), "no script, even from a URL");
    assertTrue(html.contains("href=\"https://example.com/i?a=1&amp;b=&quot;&gt;&lt;script&gt;\""));
  }

  @Test
  void aCellIsDatedByTheNightItLastChanged() throws IOException {
    ReportDocument now =
        ReportJson.read(seed().replace("2026-11-23T03:00:00Z", "2026-12-03T03:00:00Z"));
    ReportDocument same =
        ReportJson.read(seed().replace("2026-11-23T03:00:00Z", "2026-12-02T03:00:00Z"));
    ReportDocument older = ReportJson.read(seed());
    ReportDocument.Row row = now.results().get(0);
    List<CompatibilityPage.Night> nights =
        List.of(
            new CompatibilityPage.Night("2026-11-23", older),
            new CompatibilityPage.Night("2026-12-02", same),
            new CompatibilityPage.Night("2026-12-03", now));
    assertEquals("2026-11-23", PageHistory.lastChange(row, nights), "unchanged since");

    String flipped = seed().replaceFirst("\"verdict\" : \"PASS\"", "\"verdict\" : \"FAIL\"");
    List<CompatibilityPage.Night> changed =
        List.of(
            new CompatibilityPage.Night("2026-11-23", ReportJson.read(flipped)),
            new CompatibilityPage.Night("2026-12-02", same),
            new CompatibilityPage.Night("2026-12-03", now));
    assertEquals("2026-12-02", PageHistory.lastChange(row, changed));
  }
}
