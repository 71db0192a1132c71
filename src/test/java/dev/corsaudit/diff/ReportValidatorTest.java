package dev.corsaudit.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corsaudit.model.ToolVersion;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The diff's schema check, one broken field at a time, on an otherwise valid report. */
class ReportValidatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A small valid report: one graded row with a preflight, one skipped row. */
  static ObjectNode valid() throws Exception {
    return (ObjectNode)
        JSON.readTree(
            """
            {"tool":{"name":"%s","version":"0.1.0"},"schema_version":2,"replicas":false,
             "insecure":false,"results":[
              {"id":"a","name":"A","profile":"fetch","url":"https://a.example/v1",
               "probe_url":"https://a.example/v1","origin":"https://app.example.com",
               "method":"POST","credentials":"omit",
               "request_headers":[["Authorization","Bearer [REDACTED]"]],
               "verdict":"FAIL","skip_reason":null,
               "causes":[{"code":"MISSING_ALLOW_ORIGIN","message":"m","fix":"f","detail":null}],
               "warnings":[],"engines":{},"preflight_needed":true,
               "readable_response_headers":null,
               "preflight":{"request":{"method":"OPTIONS","url":"https://a.example/v1",
                 "http_version":"HTTP/2","headers":[],"client_added_headers":[]},
                 "status":200,"http_version":"HTTP/2","headers":[["vary","Origin"]],
                 "content_type":null,"body_head":"","body_truncated":false,
                 "started_at":"2026-11-23T03:00:00Z","elapsed_ms":12,"error":null},
               "actual":null,"notes":null,"models":[],"tracking":[],
               "browser_confirmation":null}],
             "generated_at":"2026-11-23T03:00:00Z","complete":true,
             "summary":{"total":1,"pass":0,"fail":1,"error":0,"skipped":0,"unfinished":0},
             "security_probed":false,"findings":[]}
            """
                .formatted(ToolVersion.NAME));
  }

  private static List<String> problemsAfter(Consumer<ObjectNode> change) throws Exception {
    ObjectNode report = valid();
    change.accept(report);
    return ReportValidator.problems(report);
  }

  private static ObjectNode row(ObjectNode report) {
    return (ObjectNode) report.get("results").get(0);
  }

  private static void assertProblem(List<String> problems, String... fragments) {
    assertTrue(!problems.isEmpty(), "a problem is reported");
    String all = String.join("\n", problems);
    for (String fragment : fragments) {
      assertTrue(all.contains(fragment), "'" + fragment + "' in: " + all);
    }
  }

  @Test
  void aValidReportHasNoProblems() throws Exception {
    assertEquals(List.of(), ReportValidator.problems(valid()));
  }

  @Test
  void notAnObject() throws Exception {
    assertEquals(List.of("it is not a JSON object"), ReportValidator.problems(JSON.readTree("[]")));
    assertEquals(List.of("it is not a JSON object"), ReportValidator.problems(null));
  }

  @Test
  void aNewerSchemaVersionIsReportedAlone() throws Exception {
    List<String> problems =
        problemsAfter(
            r -> {
              r.put("schema_version", 99);
              r.remove("tool");
            });
    assertEquals(1, problems.size(), problems.toString());
    assertProblem(problems, "99");
  }

  @Test
  void aMissingRequiredField() throws Exception {
    assertProblem(problemsAfter(r -> r.remove("tool")), "lacks the required field \"tool\"");
    assertProblem(
        problemsAfter(r -> row(r).remove("id")), "lacks the required field \"id\"", "results");
  }

  @Test
  void aWrongType() throws Exception {
    assertProblem(problemsAfter(r -> row(r).put("id", 5)), "must be", "not");
    assertProblem(problemsAfter(r -> r.put("replicas", "yes")), "replicas", "must be");
  }

  @Test
  void aValueOutsideTheEnum() throws Exception {
    assertProblem(problemsAfter(r -> row(r).put("verdict", "MAYBE")), "must be one of", "MAYBE");
  }

  @Test
  void aConstant() throws Exception {
    assertProblem(problemsAfter(r -> ((ObjectNode) r.get("tool")).put("name", "other")), "must be");
  }

  @Test
  void anUnknownField() throws Exception {
    assertProblem(problemsAfter(r -> r.put("surprise", 1)), "surprise");
  }

  @Test
  void aNegativeCount() throws Exception {
    assertProblem(
        problemsAfter(r -> ((ObjectNode) r.get("summary")).put("total", -1)), "must be at least 0");
  }

  @Test
  void aPatternMismatch() throws Exception {
    assertProblem(
        problemsAfter(r -> ((ObjectNode) row(r).get("causes").get(0)).put("code", "lower-case")),
        "does not match");
  }

  @Test
  void headerPairsHaveExactlyTwoStrings() throws Exception {
    assertProblem(
        problemsAfter(r -> ((ArrayNode) row(r).get("request_headers").get(0)).add("third")),
        "at most 2 items");
    assertProblem(
        problemsAfter(r -> ((ArrayNode) row(r).get("request_headers").get(0)).remove(1)),
        "at least 2 items");
  }

  @Test
  void aNestedExchangeIsChecked() throws Exception {
    assertProblem(
        problemsAfter(r -> ((ObjectNode) row(r).get("preflight")).put("status", "ok")),
        "status",
        "must be");
    assertEquals(
        List.of(), problemsAfter(r -> row(r).putNull("preflight")), "an exchange may be null");
  }

  @Test
  void atMostThreeProblemsAreListed() throws Exception {
    List<String> problems =
        problemsAfter(
            r -> {
              r.put("a1", 1);
              r.put("a2", 1);
              r.put("a3", 1);
              r.put("a4", 1);
              r.put("a5", 1);
            });
    assertTrue(problems.size() <= 4, problems.toString());
    assertTrue(problems.size() >= 3, problems.toString());
  }

  @Test
  void version1ReportsAreRead() throws Exception {
    JsonNode v1 = problemsAfter(r -> r.put("schema_version", 1)).isEmpty() ? valid() : valid();
    assertTrue(v1.isObject());
    assertTrue(
        problemsAfter(r -> r.put("schema_version", 1)).stream()
            .noneMatch(p -> p.contains("newer")));
  }
}
