package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The table's line breaking: lines wrap at spaces with a hanging indent, cells at separators. */
class TableWrapTest {

  @Test
  void aLineThatFitsExactlyIsKept() {
    assertEquals("aaa bbb ccc", TableReport.wrap("aaa bbb ccc", 11, 2));
  }

  @Test
  void continuationLinesHangByTheIndent() {
    assertEquals("aaa bbb\n  ccc\n  ddd", TableReport.wrap("aaa bbb ccc ddd", 8, 2));
  }

  @Test
  void aWordLongerThanTheLineIsCut() {
    assertEquals("abcde\n fghi\n j\n klm", TableReport.wrap("abcdefghij klm", 5, 1));
  }

  @Test
  void theFirstLinesIndentIsNoPlaceToBreak() {
    assertEquals("    abcdef\n    gh ij", TableReport.wrap("    abcdefgh ij", 10, 4));
  }

  @Test
  void spacesBeforeABreakAreDropped() {
    assertEquals("aaa\nbbb", TableReport.wrap("aaa   bbb", 5, 0));
    assertEquals("\nx y", TableReport.wrap("      x y", 3, 0));
  }

  @Test
  void aCellThatFitsIsOneLine() {
    assertEquals(List.of("abc"), TableReport.cellLines("abc", 3));
  }

  @Test
  void aCellBreaksAfterTheLastSeparatorThatFits() {
    assertEquals(
        List.of("https://", "example.", "com"), TableReport.cellLines("https://example.com", 10));
  }

  @Test
  void everySeparatorIsABreak() {
    assertEquals(List.of("abcd", "efgh"), TableReport.cellLines("abcd efgh", 6));
    for (String separator : List.of("/", "-", "_", ".", ":")) {
      assertEquals(
          List.of("abcd" + separator, "efgh"),
          TableReport.cellLines("abcd" + separator + "efgh", 6),
          separator);
    }
  }

  @Test
  void aSeparatorInTheFirstThirdIsNoBreak() {
    assertEquals(List.of("a-bcde", "fghi"), TableReport.cellLines("a-bcdefghi", 6));
  }

  @Test
  void aCellWithoutSeparatorsIsCutAtTheWidth() {
    assertEquals(List.of("abcd", "efgh", "ij"), TableReport.cellLines("abcdefghij", 4));
  }
}
