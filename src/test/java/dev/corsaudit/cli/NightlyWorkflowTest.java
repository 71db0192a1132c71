package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The nightly workflow parses: a matrix of shards, then a publish job that merges every shard,
 * reports from the merge and publishes the page; every cors-audit command it runs is one the CLI
 * accepts.
 */
class NightlyWorkflowTest {

  private static final String JAR = "java -jar target/cors-audit.jar";

  private static JsonNode workflow() throws Exception {
    return new YAMLMapper().readTree(Path.of(".github/workflows/nightly.yml").toFile());
  }

  /** The cors-audit commands of a job's steps, with ${{ matrix.shard }} set to the given value. */
  private static List<String> commands(JsonNode job, List<String> uses, String shard) {
    List<String> commands = new ArrayList<>();
    for (JsonNode step : job.path("steps")) {
      if (step.has("uses")) {
        uses.add(step.path("uses").asText());
      }
      for (String line : step.path("run").asText("").split("\n")) {
        String trimmed = line.strip().replace("${{ matrix.shard }}", shard);
        if (trimmed.startsWith(JAR)) {
          commands.add(trimmed.substring(JAR.length()).strip());
        }
        if (trimmed.startsWith("mvn ")) {
          assertTrue(trimmed.contains("package"), "builds the jar: " + trimmed);
        }
      }
    }
    return commands;
  }

  private static void parses(String command) {
    CommandLine cli =
        CommandLineFactory.create(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    String[] args = command.split("\\s+");
    assertDoesNotThrow(() -> cli.parseArgs(args), command);
  }

  @Test
  void workflowRunsRealCommands() throws Exception {
    JsonNode workflow = workflow();
    assertTrue(workflow.path("on").has("schedule"), "runs nightly");
    JsonNode audit = workflow.path("jobs").path("audit");
    JsonNode shards = audit.path("strategy").path("matrix").path("shard");
    assertTrue(shards.isArray() && shards.size() > 1, "a matrix of shards");
    List<String> uses = new ArrayList<>();
    for (JsonNode shard : shards) {
      List<String> commands = commands(audit, uses, shard.asText());
      assertEquals(
          List.of(
              "report --shard "
                  + shard.asText()
                  + "/"
                  + shards.size()
                  + " --reports-dir reports --fail-on regression --quiet"),
          commands);
      commands.forEach(NightlyWorkflowTest::parses);
    }
    assertTrue(uses.stream().anyMatch(u -> u.startsWith("actions/checkout@")));
    assertTrue(uses.stream().anyMatch(u -> u.startsWith("actions/upload-artifact@")));

    JsonNode publish = workflow.path("jobs").path("publish");
    assertEquals("audit", publish.path("needs").asText(), "publishes after every shard");
    List<String> publishUses = new ArrayList<>();
    List<String> commands = commands(publish, publishUses, "");
    assertFalse(commands.isEmpty(), "the publish job runs cors-audit");
    commands.forEach(NightlyWorkflowTest::parses);
    String merge = commands.get(0);
    assertTrue(merge.startsWith("merge "), merge);
    for (JsonNode shard : shards) {
      assertTrue(
          merge.contains("shards/" + shard.asText() + "-of-" + shards.size() + ".json"),
          "the merge names every shard: " + merge);
    }
    assertEquals(
        "report --from merged.json --reports-dir reports --fail-on regression --quiet",
        commands.get(1));
    assertTrue(publishUses.stream().anyMatch(u -> u.startsWith("actions/download-artifact@")));
    assertTrue(publishUses.stream().anyMatch(u -> u.startsWith("actions/upload-pages-artifact@")));
    assertTrue(publishUses.stream().anyMatch(u -> u.startsWith("actions/deploy-pages@")));
    assertEquals("write", publish.path("permissions").path("pages").asText());
  }
}
