package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * action.yml is a composite action whose steps use only inputs it declares (and use every one),
 * whose check command line is one the CLI accepts, and the README's example passes only its inputs.
 */
class ActionYmlTest {

  private static final Pattern INPUT = Pattern.compile("inputs\\.([A-Za-z0-9_-]+)");

  private static JsonNode action() throws Exception {
    return new YAMLMapper().readTree(Path.of("action.yml").toFile());
  }

  @Test
  void stepsReferenceOnlyDeclaredInputs() throws Exception {
    JsonNode action = action();
    assertEquals("composite", action.path("runs").path("using").asText());
    Set<String> declared = new LinkedHashSet<>();
    action.path("inputs").fieldNames().forEachRemaining(declared::add);
    for (String required : List.of("url", "origin", "profile", "providers", "fail-on", "format")) {
      assertTrue(declared.contains(required), "input " + required);
    }
    Set<String> used = new LinkedHashSet<>();
    String steps = action.path("runs").path("steps").toString();
    String outputs = action.path("outputs").toString();
    for (String text : List.of(steps, outputs)) {
      Matcher m = INPUT.matcher(text);
      while (m.find()) {
        used.add(m.group(1));
      }
    }
    for (String name : used) {
      assertTrue(declared.contains(name), "a step uses undeclared input " + name);
    }
    assertEquals(declared, used, "every input is used by a step");
    List<String> uses = new ArrayList<>();
    action.path("runs").path("steps").forEach(s -> uses.add(s.path("uses").asText("")));
    assertTrue(uses.stream().anyMatch(u -> u.startsWith("actions/setup-java@")));
    assertTrue(uses.stream().anyMatch(u -> u.startsWith("github/codeql-action/upload-sarif@")));
  }

  @Test
  void theCheckCommandLineParses() throws Exception {
    String run = "";
    for (JsonNode step : action().path("runs").path("steps")) {
      if (step.path("id").asText().equals("check")) {
        run = step.path("run").asText();
      }
    }
    assertTrue(run.contains("args=(check "), run);
    // Every option the script adds, with a sample value, is one check accepts.
    List<String> args = new ArrayList<>(List.of("check"));
    Set<String> seen = new LinkedHashSet<>();
    Matcher option = Pattern.compile("(--[a-z-]+)( \"\\$[A-Za-z_]+\"| sarif)?").matcher(run);
    while (option.find()) {
      if (!seen.add(option.group(1))) {
        continue; // the SARIF branch sets --format too
      }
      args.add(option.group(1));
      if (option.group(2) != null) {
        args.add(sample(option.group(1)));
      }
    }
    assertTrue(
        seen.containsAll(
            List.of(
                "--url",
                "--providers",
                "--origin",
                "--profile",
                "--fail-on",
                "--format",
                "--output")),
        seen.toString());
    CommandLine cli =
        CommandLineFactory.create(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    // --url and --providers cannot be combined: parse each alone.
    List<String> withUrl = new ArrayList<>(args);
    int providers = withUrl.indexOf("--providers");
    withUrl.remove(providers + 1);
    withUrl.remove(providers);
    assertDoesNotThrow(() -> cli.parseArgs(withUrl.toArray(String[]::new)), withUrl.toString());
  }

  private static String sample(String option) {
    return switch (option) {
      case "--url" -> "https://api.example.com/v1/chat/completions";
      case "--origin" -> "https://app.example.com";
      case "--profile" -> "fetch";
      case "--fail-on" -> "error";
      case "--format" -> "sarif";
      default -> "x";
    };
  }

  @Test
  void theReadmeExamplePassesOnlyDeclaredInputs() throws Exception {
    Set<String> declared = new LinkedHashSet<>();
    action().path("inputs").fieldNames().forEachRemaining(declared::add);
    String readme = Files.readString(Path.of("README.md"));
    int at = readme.indexOf("uses: cors-audit/cors-audit@");
    assertTrue(at > 0, "the README shows the action");
    String block = readme.substring(at, readme.indexOf("```", at));
    int with = block.indexOf("with:");
    assertTrue(with > 0, block);
    int checked = 0;
    for (String line : block.substring(with + 5).split("\n")) {
      Matcher key = Pattern.compile("^\\s+([a-z-]+):").matcher(line);
      if (key.find()) {
        assertTrue(declared.contains(key.group(1)), "README passes unknown input " + key.group(1));
        checked++;
      }
    }
    assertTrue(checked >= 2, block);
  }
}
