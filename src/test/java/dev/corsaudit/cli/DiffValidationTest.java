package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corsaudit.diff.ReportValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** diff compares only valid reports it understands, and says what was removed. */
@Timeout(60)
class DiffValidationTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static String two;

  @BeforeAll
  static void twoRows() {
    two =
        CliRun.of("check", "--replicas", "--only", "openrouter,azure", "-q", "--format", "json")
            .out();
  }

  private static ObjectNode report() throws Exception {
    return (ObjectNode) MAPPER.readTree(two);
  }

  private static Path write(Path dir, String name, JsonNode json) throws Exception {
    return Files.writeString(dir.resolve(name), MAPPER.writeValueAsString(json));
  }

  @Test
  void theValidatorAcceptsWhatCheckWrites() throws Exception {
    assertEquals(java.util.List.of(), ReportValidator.problems(report()));
    assertTrue(report().path("results").size() >= 2);
  }

  @Test
  void rowsWithoutIdAreRefused(@TempDir Path dir) throws Exception {
    ObjectNode broken = report();
    broken.withArray("results").forEach(r -> ((ObjectNode) r).remove("id"));
    CliRun run =
        CliRun.of(
            "diff",
            write(dir, "old.json", report()).toString(),
            write(dir, "new.json", broken).toString());
    assertEquals(2, run.code());
    assertTrue(
        run.err()
            .contains(
                "new.json is not a cors-audit JSON report (schema): /results/0 lacks the required field \"id\""),
        run.err());
  }

  @Test
  void aNewerSchemaVersionIsRefused(@TempDir Path dir) throws Exception {
    ObjectNode newer = report();
    int next = dev.corsaudit.result.ReportDocument.SCHEMA_VERSION + 1;
    newer.put("schema_version", next);
    CliRun run =
        CliRun.of(
            "diff",
            write(dir, "old.json", report()).toString(),
            write(dir, "new.json", newer).toString());
    assertEquals(2, run.code());
    assertEquals(
        "cors-audit: "
            + dir.resolve("new.json")
            + " cannot be read: it has schema_version "
            + next
            + ", newer than the "
            + (next - 1)
            + " this cors-audit reads;"
            + " upgrade cors-audit to compare it\n",
        run.err());
  }

  @Test
  void aNewReportWithNoRowsIsAnError(@TempDir Path dir) throws Exception {
    ObjectNode empty = report();
    empty.putArray("results");
    CliRun run =
        CliRun.of(
            "diff",
            write(dir, "old.json", report()).toString(),
            write(dir, "new.json", empty).toString());
    assertEquals(2, run.code());
    assertTrue(run.err().contains("new.json has no rows"), run.err());
  }

  @Test
  void removedRowsAreListedAndFailOnlyWhenAskedTo(@TempDir Path dir) throws Exception {
    ObjectNode fewer = report();
    ArrayNode results = fewer.withArray("results");
    String removed = results.remove(results.size() - 1).path("name").asText();
    Path old = write(dir, "old.json", report());
    Path now = write(dir, "new.json", fewer);
    CliRun quiet = CliRun.of("diff", old.toString(), now.toString());
    assertEquals(0, quiet.code(), quiet.err());
    assertTrue(quiet.out().contains("**REMOVED** " + removed), quiet.out());
    CliRun strict = CliRun.of("diff", old.toString(), now.toString(), "--fail-on", "removed");
    assertEquals(1, strict.code(), strict.err());
    CliRun both =
        CliRun.of("diff", old.toString(), now.toString(), "--fail-on", "regression,removed");
    assertEquals(1, both.code(), both.err());
    CliRun same = CliRun.of("diff", old.toString(), old.toString(), "--fail-on", "removed");
    assertEquals(0, same.code(), same.err());
  }

  @Test
  void wrongTypesAreRefused(@TempDir Path dir) throws Exception {
    ObjectNode wrong = report();
    ((ObjectNode) wrong.withArray("results").get(0)).put("verdict", "MAYBE");
    CliRun run =
        CliRun.of(
            "diff",
            write(dir, "old.json", wrong).toString(),
            write(dir, "new.json", report()).toString());
    assertEquals(2, run.code());
    assertTrue(run.err().contains("/results/0/verdict must be one of"), run.err());
  }
}
