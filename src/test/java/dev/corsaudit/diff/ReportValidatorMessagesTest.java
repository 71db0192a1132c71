package dev.corsaudit.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The exact text of each problem: where it is, what was expected and what kind of value came. */
class ReportValidatorMessagesTest {

  private static List<String> problemsAfter(Consumer<ObjectNode> change) throws Exception {
    ObjectNode report = ReportValidatorTest.valid();
    change.accept(report);
    return ReportValidator.problems(report);
  }

  private static ObjectNode row(ObjectNode report) {
    return (ObjectNode) report.get("results").get(0);
  }

  @Test
  void theTopLevelIsCalledTheReport() throws Exception {
    assertEquals(
        List.of("the report lacks the required field \"tool\""),
        problemsAfter(r -> r.remove("tool")));
  }

  @Test
  void eachKindOfWrongValueIsNamed() throws Exception {
    assertEquals(
        List.of("/results/0/id must be string, not an object"),
        problemsAfter(r -> row(r).putObject("id")));
    assertEquals(
        List.of("/results/0/id must be string, not an array"),
        problemsAfter(r -> row(r).putArray("id")));
    assertEquals(
        List.of("/replicas must be boolean, not a string"),
        problemsAfter(r -> r.put("replicas", "yes")));
    assertEquals(
        List.of("/results/0/id must be string, not a boolean"),
        problemsAfter(r -> row(r).put("id", true)));
    assertEquals(
        List.of("/results/0/id must be string, not null"),
        problemsAfter(r -> row(r).putNull("id")));
    assertEquals(
        List.of("/results/0/id must be string, not a number"),
        problemsAfter(r -> row(r).put("id", 5)));
  }

  @Test
  void aTypeListIsJoinedWithOr() throws Exception {
    assertEquals(
        List.of("/results/0/probe_url must be string or null, not a number"),
        problemsAfter(r -> row(r).put("probe_url", 5)));
  }

  @Test
  void anIntegerMayBeWrittenWithAZeroFraction() throws Exception {
    assertEquals(
        List.of(),
        problemsAfter(
            r -> ((ObjectNode) r.get("summary")).put("total", new java.math.BigDecimal("1.0"))));
    assertEquals(
        List.of("/summary/total must be integer, not a number"),
        problemsAfter(r -> ((ObjectNode) r.get("summary")).put("total", 1.5)));
  }

  @Test
  void aHeaderPairChecksEachOfItsTwoItems() throws Exception {
    assertEquals(
        List.of("/results/0/request_headers/0/1 must be string, not a number"),
        problemsAfter(
            r -> {
              ArrayNode pair = (ArrayNode) row(r).get("request_headers").get(0);
              pair.remove(1);
              pair.add(7);
            }));
  }

  @Test
  void version1IsReadAsTheCurrentVersionAndLeftUntouched() throws Exception {
    ObjectNode v1 = ReportValidatorTest.valid();
    v1.put("schema_version", 1);
    assertEquals(List.of(), ReportValidator.problems(v1));
    assertEquals(1, v1.get("schema_version").asInt(), "the caller's report is not changed");
  }

  @Test
  void otherVersionsMustBeTheCurrentOne() throws Exception {
    assertEquals(
        List.of("/schema_version must be 2"), problemsAfter(r -> r.put("schema_version", 0)));
    assertEquals(
        List.of("/schema_version must be 2"), problemsAfter(r -> r.put("schema_version", "2")));
    assertEquals(
        List.of(), problemsAfter(r -> r.put("schema_version", 2.0)), "the same number as 2");
    assertEquals(
        List.of("/schema_version must be 2"), problemsAfter(r -> r.put("schema_version", 1.0)));
  }
}
