package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corsaudit.evidence.EvidenceRenderer;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.Escape;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A hostile server's backticks, HTML and control bytes render inert: the Markdown is rendered with
 * CommonMark (and GFM tables, as GitHub does) and must contain no element the data brought; the
 * human formats carry no raw control character.
 */
class HostileOutputTest {

  private static final List<org.commonmark.Extension> GFM = List.of(TablesExtension.create());
  private static final Pattern RAW_CONTROL =
      Pattern.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f\\x80-\\x9f\\u202a-\\u202e\\u2066-\\u2069]");

  static String render(ReportFormat format, AuditRun run) throws Exception {
    StringWriter out = new StringWriter();
    Reports.renderer(format, false).render(run, out);
    return out.toString();
  }

  static String html(String markdown) {
    Parser parser = Parser.builder().extensions(GFM).build();
    return HtmlRenderer.builder().extensions(GFM).build().render(parser.parse(markdown));
  }

  /** Elements the data tried to inject; our own Markdown only makes these through syntax. */
  static void assertInert(String html) {
    Matcher tag =
        Pattern.compile("<(img|script|b|a)[\\s>]", Pattern.CASE_INSENSITIVE).matcher(html);
    assertFalse(
        tag.find(),
        () ->
            "injected element "
                + tag.group()
                + " in ..."
                + html.substring(
                    Math.max(0, tag.start() - 80), Math.min(html.length(), tag.end() + 80)));
    assertFalse(
        Pattern.compile("<[a-z][^>]*onerror", Pattern.CASE_INSENSITIVE).matcher(html).find(), html);
    assertFalse(html.contains("href=\"javascript:"), html);
    assertFalse(html.contains("</code></pre><script>"), html);
  }

  static void assertNoRawControl(String text) {
    Matcher m = RAW_CONTROL.matcher(text);
    assertFalse(
        m.find(),
        () ->
            String.format(
                "raw control U+%04X at %d in ...%s...",
                (int) m.group().charAt(0),
                m.start(),
                text.substring(
                    Math.max(0, m.start() - 80), Math.min(text.length(), m.end() + 80))));
  }

  @Test
  void markdownRendersInert() throws Exception {
    String md = render(ReportFormat.MARKDOWN, HostileFixtures.hostileRun());
    assertNoRawControl(md);
    String html = html(md);
    assertInert(html);
    // The data is still there, as text: escaped inside code or as entities.
    assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
    assertTrue(html.contains("\\x1b[2J"), html);
    // The summary table is still one table with a row per result (nothing split a cell).
    assertEquals(1, count(html, "<table>"), html);
    assertEquals(4, count(html, "<tr>"), html);
    for (String row : html.split("<tr>")) {
      if (row.contains("<td>")) {
        assertEquals(5, count(row, "<td"), row);
      }
    }
  }

  @Test
  void evidenceRendersInertAndTheBodyStaysInItsFence() throws Exception {
    AuditRun run = HostileFixtures.hostileRun();
    for (AuditResult result : run.results()) {
      String md = EvidenceRenderer.render(result, run.generatedAt(), "0.1.0-test");
      assertNoRawControl(md);
      String html = html(md);
      assertInert(html);
    }
    String fail =
        html(EvidenceRenderer.render(run.results().get(1), run.generatedAt(), "0.1.0-test"));
    // The body's own fences did not close the block: its last line is still code.
    Matcher block =
        Pattern.compile("(?s)<pre><code class=\"language-http\">(.*?)</code></pre>").matcher(fail);
    assertTrue(block.find(), fail);
    assertTrue(block.group(1).contains("&lt;script&gt;alert(4)&lt;/script&gt;"), block.group(1));
    assertTrue(block.group(1).contains("\nend\n"), block.group(1));
  }

  @Test
  void tableHasNoRawControlCharacters() throws Exception {
    String table = render(ReportFormat.TABLE, HostileFixtures.hostileRun());
    assertNoRawControl(table);
    assertTrue(table.contains("\\x1b"), table);
  }

  @ParameterizedTest
  @EnumSource(
      value = ReportFormat.class,
      names = {"JSON", "SARIF"})
  void jsonFormatsStayValidAndKeepTheData(ReportFormat format) throws Exception {
    String text = render(format, HostileFixtures.hostileRun());
    assertNoRawControl(text.replace("\n", " "));
    JsonNode json = new ObjectMapper().readTree(text);
    assertTrue(json.isObject());
    if (format == ReportFormat.JSON) {
      String origin =
          json.path("results").get(1).path("preflight").path("headers").get(0).get(1).asText();
      assertTrue(origin.endsWith(HostileFixtures.CONTROL), origin);
    }
  }

  @Test
  void junitStaysWellFormedXml() throws Exception {
    String xml = render(ReportFormat.JUNIT, HostileFixtures.hostileRun());
    assertNoRawControl(xml.replace("\n", " "));
    DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void escapeUnits() {
    assertEquals("``a`b``", Escape.code("a`b"));
    assertEquals("``` ``x ```", Escape.code("``x"));
    assertEquals("` `", Escape.code(""));
    assertEquals("`\\x1b[2J`", Escape.code("\u001b[2J"));
    assertEquals("````http\n```\n````\n", Escape.fenced("http", "```"));
    assertEquals("```sh\nls\n```\n", Escape.fenced("sh", "ls"));
    assertEquals(
        "a\\x0ab\\x0d\\x00\\x7f\\u009b\\u202e", Escape.terminal("a\nb\r\u0000\u007f\u009b\u202e"));
    assertEquals("a\nb\tc", Escape.visible("a\r\nb\tc", true));
    assertEquals("&lt;b&gt; \\`x\\` \\[l\\](u) &amp;", Escape.markdownText("<b> `x` [l](u) &"));
    assertEquals("a\\|b", Escape.markdownCell("a|b"));
    assertEquals("`a\\|b`", Escape.codeCell("a|b"));
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
