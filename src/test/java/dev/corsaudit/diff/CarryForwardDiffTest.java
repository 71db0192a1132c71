package dev.corsaudit.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corsaudit.report.ReportJson;
import dev.corsaudit.result.ReportDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An ERROR row is compared by the verdict it last had: the rule in the README, row by row. */
class CarryForwardDiffTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The seed report with its first row set to a verdict (and, for ERROR, a carried one). */
  private static ReportDocument with(String verdict, String lastGraded) throws Exception {
    ObjectNode tree =
        (ObjectNode)
            JSON.readTree(Files.readString(Path.of("src/test/resources/report/golden/seed.json")));
    ObjectNode row = (ObjectNode) tree.path("results").get(0);
    row.put("verdict", verdict);
    if (lastGraded != null) {
      row.putObject("last_graded").put("verdict", lastGraded).put("at", "2026-11-23T03:00:00Z");
    }
    return ReportJson.read(JSON.writeValueAsString(tree));
  }

  private static RowChange.Kind kind(ReportDocument then, ReportDocument now) {
    List<RowChange> changes = RunDiff.compare(then, now);
    return changes.stream()
        .filter(c -> c.key().id().equals(now.results().get(0).id()))
        .map(RowChange::kind)
        .findFirst()
        .orElse(null);
  }

  @Test
  void passErrorFailIsARegression() throws Exception {
    assertEquals(RowChange.Kind.REGRESSION, kind(with("ERROR", "PASS"), with("FAIL", null)));
  }

  @Test
  void failErrorFailIsNot() throws Exception {
    assertEquals(RowChange.Kind.RECOVERED, kind(with("ERROR", "FAIL"), with("FAIL", null)));
    assertEquals(
        false, RunDiff.hasRegression(RunDiff.compare(with("ERROR", "FAIL"), with("FAIL", null))));
  }

  @Test
  void failErrorPassIsFixed() throws Exception {
    assertEquals(RowChange.Kind.FIXED, kind(with("ERROR", "FAIL"), with("PASS", null)));
  }

  @Test
  void anErrorAfterAGradedRowIsANewError() throws Exception {
    assertEquals(RowChange.Kind.NEW_ERROR, kind(with("PASS", null), with("ERROR", "PASS")));
  }

  @Test
  void aRowNeverGradedThatNowFailsStaysARegression() throws Exception {
    assertEquals(RowChange.Kind.REGRESSION, kind(with("ERROR", null), with("FAIL", null)));
  }

  @Test
  void onlyAnErrorRowShowsWhatItCarried() throws Exception {
    RowChange fixed = RunDiff.compare(with("ERROR", "FAIL"), with("PASS", null)).get(0);
    assertEquals("FAIL on 2026-11-23", fixed.lastGraded());
    // A graded row never carries one; if a hand-edited baseline does, it is not shown.
    RowChange alsoFixed = RunDiff.compare(with("FAIL", "PASS"), with("PASS", null)).get(0);
    assertEquals(RowChange.Kind.FIXED, alsoFixed.kind());
    assertEquals(null, alsoFixed.lastGraded());
  }
}
