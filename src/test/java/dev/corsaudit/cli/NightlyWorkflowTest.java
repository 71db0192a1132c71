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

/** The nightly workflow parses, and every cors-audit command it runs is one the CLI accepts. */
class NightlyWorkflowTest {

  @Test
  void workflowRunsRealCommands() throws Exception {
    JsonNode workflow =
        new YAMLMapper().readTree(Path.of(".github/workflows/nightly.yml").toFile());
    assertTrue(workflow.path("on").has("schedule"), "runs nightly");
    JsonNode steps = workflow.path("jobs").path("audit").path("steps");
    List<String> commands = new ArrayList<>();
    List<String> uses = new ArrayList<>();
    for (JsonNode step : steps) {
      if (step.has("uses")) {
        uses.add(step.path("uses").asText());
      }
      for (String line : step.path("run").asText("").split("\n")) {
        String trimmed = line.strip();
        if (trimmed.startsWith("java -jar target/cors-audit.jar")) {
          commands.add(trimmed.substring("java -jar target/cors-audit.jar".length()).strip());
        }
        if (trimmed.startsWith("mvn ")) {
          assertTrue(trimmed.contains("package"), "builds the jar: " + trimmed);
        }
      }
    }
    assertTrue(uses.stream().anyMatch(u -> u.startsWith("actions/checkout@")));
    assertTrue(uses.stream().anyMatch(u -> u.startsWith("actions/upload-artifact@")));
    assertFalse(commands.isEmpty(), "the workflow runs cors-audit");
    for (String command : commands) {
      CommandLine cli =
          CommandLineFactory.create(
              new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
      String[] args = command.split("\\s+");
      assertDoesNotThrow(() -> cli.parseArgs(args), command);
    }
    assertEquals("report --reports-dir reports --fail-on regression --quiet", commands.get(0));
  }
}
