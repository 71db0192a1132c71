package dev.corsaudit.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.model.ConfigException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Replica data is checked like providers.yaml: every problem is FILE:LINE:COLUMN. */
class ReplicaLoaderTest {

  private static final String HEAD = "id: x\nsource: a#1 (2026-01-01)\nconfidence: high\n";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      unknown top key      | id: x\\nsource: s\\nconfidence: high\\nrulez: []\\n                          | x.yaml:4:1: unknown key 'rulez'
      unknown rule key     | HEAD rules:\\n  - respond: {status: 200}\\n    whenn: {}\\n               | x.yaml:6:5: unknown key 'whenn'
      unknown condition    | HEAD rules:\\n  - when: {methd: GET}\\n    respond: {status: 200}\\n  - respond: {status: 1}\\n | x.yaml:5:12: unknown key 'methd'
      unknown respond key  | HEAD rules:\\n  - respond: {status: 200, header: []}\\n                  | x.yaml:5:28: unknown key 'header'
      status is a string   | HEAD rules:\\n  - respond: {status: '200'}\\n                          | x.yaml:5:23: 'status' must be an HTTP status code
      status out of range  | HEAD rules:\\n  - respond: {status: 700}\\n                            | x.yaml:5:23: 'status' must be an HTTP status code
      origin not a list    | HEAD rules:\\n  - when: {origin: a}\\n    respond: {status: 200}\\n  - respond: {status: 204}\\n | x.yaml:5:20: 'origin' must be a list
      header not a pair    | HEAD rules:\\n  - respond:\\n      status: 200\\n      headers: [[a]]\\n   | x.yaml:7:17: a header line must be [name, value] or [name, value, tag]
      bad tag              | HEAD rules:\\n  - respond:\\n      status: 200\\n      headers: [[a, b, X]]\\n | x.yaml:7:24: tag 'X' is not Q, S or I
      bad header name      | HEAD rules:\\n  - respond:\\n      status: 200\\n      headers: [['a b', c]]\\n | x.yaml:7:18: 'a b' is not a valid header name
      bad regex            | HEAD rules:\\n  - when: {path_regex: '('}\\n    respond: {status: 200}\\n  - respond: {status: 204}\\n | x.yaml:5:24: 'path_regex' is not a regular expression
      path without slash   | HEAD rules:\\n  - when: {path: models}\\n    respond: {status: 200}\\n  - respond: {status: 204}\\n | x.yaml:5:18: path 'models' must start with '/'
      last rule has when   | HEAD rules:\\n  - when: {method: OPTIONS}\\n    respond: {status: 200}\\n | x.yaml:5:11: the last rule has conditions
      empty when           | HEAD rules:\\n  - when: {}\\n    respond: {status: 200}\\n  - respond: {status: 204}\\n | x.yaml:5:11: 'when' has no conditions
      id is not file name  | id: y\\nsource: s\\nconfidence: high\\nrules:\\n  - respond: {status: 200}\\n | x.yaml:1:5: replica id 'y' does not match its file name
      no source            | id: x\\nconfidence: high\\nrules:\\n  - respond: {status: 200}\\n          | x.yaml:1:1: missing required key 'source'
      empty source         | id: x\\nsource: ''\\nrules:\\n  - respond: {status: 200}\\n             | x.yaml:2:9: 'source' is empty
      no confidence        | id: x\\nsource: a#1\\nrules:\\n  - respond: {status: 200}\\n           | x.yaml:4:5: no confidence for this answer
      unknown confidence   | HEAD rules:\\n  - confidence: sure\\n    respond: {status: 200}\\n      | x.yaml:5:17: confidence 'sure' is not a known level
      no respond           | HEAD rules:\\n  - source: s\\n                                       | x.yaml:5:5: missing required key 'respond'
      no rules             | HEAD rules: []\\n                                                     | x.yaml:4:8: 'rules' is empty
      duplicate key        | HEAD rules:\\n  - respond: {status: 200, status: 201}\\n               | x.yaml:5:28: key 'status' appears twice
      invalid yaml         | HEAD rules: [\\n                                                      | x.yaml:4:9: invalid YAML
      """)
  void errorsAreLocated(String name, String yaml, String expectedStart) {
    String text = yaml.replace("HEAD ", HEAD).replace("\\n", "\n");
    ConfigException e =
        assertThrows(ConfigException.class, () -> ReplicaLoader.parse("x.yaml", text, "x"));
    assertTrue(e.getMessage().startsWith(expectedStart), name + ": " + e.getMessage());
  }

  @Test
  void aWellFormedFileLoadsWithItsConditionsAndTags() {
    Replica replica =
        ReplicaLoader.parse(
            "x.yaml",
            HEAD
                + """
            rules:
              - when: {method: GET, path: /models, body_contains: '"stream":true'}
                source: b#2 (2026-02-02)
                confidence: low
                note: ACAO quoted
                respond:
                  status: 401
                  headers:
                    - [access-control-allow-origin, "*", Q]
                    - [access-control-max-age, 600]
              - respond: {status: 401}
            """,
            "x");
    Replica.Rule first = replica.rules().get(0);
    assertEquals("/models", first.when().path());
    assertEquals("\"stream\":true", first.when().bodyContains());
    assertEquals("b#2 (2026-02-02)", first.sourceIn(replica));
    assertEquals("low", first.confidenceIn(replica));
    assertEquals(
        new Replica.Header("access-control-allow-origin", "*", "Q"),
        first.respond().headers().get(0));
    assertEquals(
        new Replica.Header("access-control-max-age", "600", null),
        first.respond().headers().get(1));
    Replica.Rule last = replica.rules().get(1);
    assertNull(last.when());
    assertEquals("a#1 (2026-01-01)", last.sourceIn(replica));
    assertEquals("high", last.confidenceIn(replica));
  }

  @Test
  void syntheticReplicasNeedNoConfidence() {
    Replica replica =
        ReplicaLoader.parse(
            "x.yaml",
            "id: x\nsource: synthetic - models a mistake\nrules:\n  - respond: {status: 204}\n",
            "x");
    assertTrue(replica.synthetic());
  }

  @Test
  void pathAndMethodConditionsChooseTheRule() {
    Replica replica =
        ReplicaLoader.parse(
            "x.yaml",
            HEAD
                + """
            rules:
              - when: {method: GET, path: /models}
                respond: {status: 200}
              - when: {path_regex: "/v[0-9]+/.*"}
                respond: {status: 201}
              - respond: {status: 401}
            """,
            "x");
    Map<String, String> none = Map.of();
    assertEquals(200, RuleMatcher.match(replica, "GET", "/models", none, "").respond().status());
    assertEquals(401, RuleMatcher.match(replica, "POST", "/models", none, "").respond().status());
    assertEquals(201, RuleMatcher.match(replica, "GET", "/v1/models", none, "").respond().status());
    assertEquals(
        401, RuleMatcher.match(replica, "GET", "/chat/completions", none, "").respond().status());
  }

  /** Every built-in answer names a source and a confidence, or its replica is synthetic. */
  @Test
  void everyBuiltinAnswerNamesItsSource() {
    ReplicaCatalog catalog = ReplicaCatalog.loadBuiltin();
    for (String id : catalog.ids()) {
      Replica replica = catalog.get(id);
      for (Replica.Rule rule : replica.rules()) {
        assertTrue(!rule.sourceIn(replica).isBlank(), id);
        assertTrue(replica.synthetic() || rule.confidenceIn(replica) != null, id);
      }
      if (replica.synthetic()) {
        assertTrue(replica.description() != null && !replica.description().isBlank(), id);
      }
    }
    List<String> synthetic =
        catalog.ids().stream().filter(id -> catalog.get(id).synthetic()).sorted().toList();
    assertEquals(
        List.of(
            "insecure-origin",
            "prefix-match",
            "reflect-any-origin",
            "reflect-no-vary",
            "suffix-match",
            "trusts-null"),
        synthetic);
  }
}
