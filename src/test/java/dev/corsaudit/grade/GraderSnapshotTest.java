package dev.corsaudit.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every row of the grader's tables (cause-cases.yaml, then edge-cases.yaml) graded and written out
 * in full: each cause's and warning's message, fix and detail, and per engine its outcome, causes,
 * console line and cache time. The result is compared with a reviewed golden file
 * (grade/verdicts.golden.txt), so a changed word, a lost warning or an engine that stops differing
 * fails here. A missing golden fails; -Dgolden.update=true rewrites it.
 *
 * <p>edge-cases.yaml holds rows that only pin edges (IPv6 and private hosts, Max-Age limits, list
 * parsing); their verdict and cause codes are checked here as in GraderCasesTest.
 */
class GraderSnapshotTest {

  private static final String URL = "https://api.example.com/v1/chat/completions";
  private static final String ORIGIN = "https://app.example.com";
  private static final Path GOLDEN = Path.of("src/test/resources/grade/verdicts.golden.txt");

  @Test
  void everyVerdictInFull() throws IOException {
    StringBuilder out = new StringBuilder();
    List<String> mismatches = new ArrayList<>();
    for (String table : List.of("/grade/cause-cases.yaml", "/grade/edge-cases.yaml")) {
      for (JsonNode c : cases(table)) {
        CorsRequest request = request(c.path("request"));
        Verdict verdict = Grader.grade(request, exchange(c, "preflight"), exchange(c, "actual"));
        if (table.contains("edge")) {
          String id = c.path("id").asText();
          JsonNode expect = c.path("expect");
          String got =
              verdict.outcome()
                  + " "
                  + verdict.causes().stream().map(x -> x.code().name()).toList()
                  + (expect.has("warnings")
                      ? " " + verdict.warnings().stream().map(x -> x.code().name()).toList()
                      : "");
          String want =
              expect.path("verdict").asText()
                  + " "
                  + codes(expect.path("causes"))
                  + (expect.has("warnings") ? " " + codes(expect.path("warnings")) : "");
          if (!got.equals(want)) {
            mismatches.add(id + ": expected " + want + ", got " + got);
          }
        }
        write(out, c.path("id").asText(), verdict);
      }
    }
    assertEquals(List.of(), mismatches, "edge-cases.yaml rows");
    String actual = out.toString();
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
    }
    if (!Files.exists(GOLDEN)) {
      fail("golden " + GOLDEN + " is missing; rerun with -Dgolden.update=true, then review it");
    }
    assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), actual, "golden " + GOLDEN);
  }

  private static void write(StringBuilder out, String id, Verdict v) {
    out.append("== ").append(id).append('\n');
    out.append("outcome ")
        .append(v.outcome())
        .append(", preflight needed ")
        .append(v.preflightNeeded())
        .append(", readable ")
        .append(v.readableResponseHeaders())
        .append('\n');
    for (Cause c : v.causes()) {
      cause(out, "cause", c);
    }
    for (Cause c : v.warnings()) {
      cause(out, "warning", c);
    }
    for (Engine engine : Engine.values()) {
      EngineVerdict ev = v.engines().get(engine);
      out.append(engine.key())
          .append(": ")
          .append(ev.outcome())
          .append(' ')
          .append(ev.causes().stream().map(c -> c.code() + "(" + c.detail() + ")").toList())
          .append(", cache ")
          .append(ev.preflightCacheSeconds())
          .append('\n');
      if (ev.consoleMessage() != null) {
        out.append("  console: ").append(ev.consoleMessage()).append('\n');
      }
      if (engine != Engine.CHROMIUM) {
        for (Cause c : ev.causes()) {
          if (!v.causes().contains(c)) {
            cause(out, "  " + engine.key() + " cause", c);
          }
        }
      }
    }
  }

  private static void cause(StringBuilder out, String label, Cause c) {
    out.append(label)
        .append(' ')
        .append(c.code())
        .append(" [")
        .append(c.code().kind())
        .append("] detail=")
        .append(c.detail())
        .append("\n  message: ")
        .append(c.message())
        .append("\n  fix: ")
        .append(c.fix())
        .append('\n');
  }

  // ---- the table's conventions are GraderCasesTest's ----

  private static CorsRequest request(JsonNode r) {
    return GraderCasesTest.request(r);
  }

  private static Exchange exchange(JsonNode c, String field) {
    return GraderCasesTest.exchange(c, field);
  }

  private static List<String> codes(JsonNode array) {
    return GraderCasesTest.codes(array);
  }

  private static List<JsonNode> cases(String resource) throws IOException {
    try (InputStream in = GraderSnapshotTest.class.getResourceAsStream(resource)) {
      List<JsonNode> out = new ArrayList<>();
      new YAMLMapper().readTree(in).path("cases").forEach(out::add);
      return out;
    }
  }
}
