package dev.corsaudit.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.model.HeaderLine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each engine's reading of a malformed header block, as conformance case file 19 measured it. */
class HeaderBlockTest {

  private static List<HeaderLine> read(Engine engine, String... lines) {
    return HeaderBlock.read(List.of(lines), engine.headerBlockRules()).headers();
  }

  @Test
  void whitespaceBeforeTheColonIsTrimmedByChromiumOnly() {
    String line = "Access-Control-Allow-Origin\t: *\r\n";
    assertEquals(
        List.of(new HeaderLine("Access-Control-Allow-Origin", "*")), read(Engine.CHROMIUM, line));
    assertEquals(List.of(), read(Engine.FIREFOX, line));
    assertEquals(List.of(), read(Engine.WEBKIT, line));
    assertEquals(List.of(), read(Engine.SPEC, line));
  }

  @Test
  void aLoneCrEndsTheLineKeepsOrBecomesASpace() {
    String line = "X-Other: a\rAccess-Control-Allow-Origin: *\r\n";
    assertEquals(
        List.of(new HeaderLine("X-Other", "a"), new HeaderLine("Access-Control-Allow-Origin", "*")),
        read(Engine.CHROMIUM, line));
    assertEquals(
        List.of(new HeaderLine("X-Other", "a\rAccess-Control-Allow-Origin: *")),
        read(Engine.FIREFOX, line));
    assertEquals(
        List.of(new HeaderLine("X-Other", "a Access-Control-Allow-Origin: *")),
        read(Engine.WEBKIT, line));
  }

  @Test
  void aNulByteFailsTheFetchInEveryEngine() {
    for (Engine engine : Engine.values()) {
      HeaderBlock block = HeaderBlock.read(List.of("X-Other: a\0b\r\n"), engine.headerBlockRules());
      assertNull(block.headers(), engine.key());
      assertTrue(block.refusal().contains("a\\x00b"), block.refusal());
    }
  }

  @Test
  void formsEveryEngineReadsAlike() {
    for (Engine engine : Engine.values()) {
      assertEquals(
          List.of(
              new HeaderLine("X-Fold", "a b"),
              new HeaderLine("X-Ctl", "a\u0001\u007fb"),
              new HeaderLine("X-Lf", "1")),
          read(
              engine,
              "X-Fold: a\r\n",
              " b\r\n",
              "No-Colon\r\n",
              "X(Bad): 1\r\n",
              "X-Ctl:  a\u0001\u007fb \r\n",
              "X-Lf: 1\n"),
          engine.key());
    }
  }

  @Test
  void theLineNamingAHeaderIsFoundDespiteItsPadding() {
    List<String> lines =
        List.of(
            " Access-Control-Allow-Origin: x\r\n", "Access-Control-Allow-Origin\t: *\u0001\r\n");
    assertEquals(
        "Access-Control-Allow-Origin\\x09: *\\x01",
        HeaderBlock.lineNaming(lines, "access-control-allow-origin"));
    assertNull(HeaderBlock.lineNaming(lines.subList(0, 1), "Access-Control-Allow-Origin"));
  }
}
