package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.RecordedResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small text pieces every human format shares: sentences, paths, lists and header order. */
class RowViewTest {

  @Test
  void aSentenceEndsInOneMark() {
    assertEquals("Done.", RowView.sentence("Done"));
    assertEquals("Done.", RowView.sentence("Done."));
    assertEquals("Done?", RowView.sentence("Done?"));
    assertEquals("Done!", RowView.sentence("Done!"));
  }

  @Test
  void thePathOfAUrlKeepsItsQuery() {
    assertEquals("/", RowView.path("https://api.example.com"));
    assertEquals("/v1/chat?model=x", RowView.path("https://api.example.com/v1/chat?model=x"));
    assertEquals("http://[not a url", RowView.path("http://[not a url"));
  }

  @Test
  void onlyListsOfMoreThanThreeAreShortened() {
    assertEquals("A, B, C", RowView.abbreviateList("A, B, C", List.of()));
    assertEquals("A, C, ...", RowView.abbreviateList("A, B, C, D", List.of("c")));
  }

  @Test
  void corsLinesComeInReadingOrderUnknownOnesLast() {
    RecordedResponse response =
        new RecordedResponse(
            204,
            "HTTP/1.1",
            List.of(
                new HeaderLine("access-control-foo", "1"),
                new HeaderLine("access-control-max-age", "60"),
                new HeaderLine("vary", "Origin"),
                new HeaderLine("access-control-allow-origin", "*")),
            null,
            "",
            false);
    assertEquals(
        List.of("access-control-allow-origin", "access-control-max-age", "access-control-foo"),
        RowView.corsLines(response).stream().map(HeaderLine::name).toList());
  }

  @Test
  void aStatusWithoutAReasonPhraseIsItsNumber() {
    RecordedResponse odd = new RecordedResponse(299, "HTTP/1.1", List.of(), null, "", false);
    assertEquals("299", RowView.statusWithReason(odd));
    RecordedResponse ok = new RecordedResponse(204, "HTTP/1.1", List.of(), null, "", false);
    assertEquals("204 No Content", RowView.statusWithReason(ok));
  }
}
