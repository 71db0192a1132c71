package dev.corsaudit.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.NetworkError;
import dev.corsaudit.model.NetworkErrorKind;
import dev.corsaudit.model.RecordedResponse;
import dev.corsaudit.model.SentRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The grader's table: src/test/resources/grade/cause-cases.yaml, one dynamic test per row. */
class GraderCasesTest {

  private static final String URL = "https://api.example.com/v1/chat/completions";
  private static final String ORIGIN = "https://app.example.com";

  @TestFactory
  Stream<DynamicTest> everyCase() throws IOException {
    return cases().stream()
        .map(c -> DynamicTest.dynamicTest(c.path("id").asText(), () -> check(c)));
  }

  /** A cause code no row covers is a rule nobody checked. */
  @Test
  void everyFailAndErrorCauseHasACase() throws IOException {
    // A refused redirect needs a chain of hops, which these rows cannot give: GraderRedirectsTest
    // and the conformance cases rd-chain-21 and rd-location-* hold it.
    Set<CauseCode> covered = EnumSet.of(CauseCode.REDIRECT_REFUSED);
    for (JsonNode c : cases()) {
      for (JsonNode code : c.path("expect").path("causes")) {
        covered.add(CauseCode.valueOf(code.asText()));
      }
      for (JsonNode code : c.path("expect").path("warnings")) {
        covered.add(CauseCode.valueOf(code.asText()));
      }
    }
    List<CauseCode> missing = new ArrayList<>();
    for (CauseCode code : CauseCode.values()) {
      if (!covered.contains(code)) {
        missing.add(code);
      }
    }
    assertEquals(List.of(), missing, "cause codes with no row in cause-cases.yaml");
  }

  private static void check(JsonNode c) {
    CorsRequest request = request(c.path("request"));
    Exchange preflight = exchange(c, "preflight");
    Exchange actual = exchange(c, "actual");
    Verdict verdict = Grader.grade(request, preflight, actual);
    JsonNode expect = c.path("expect");
    String id = c.path("id").asText();
    assertEquals(
        expect.path("verdict").asText(),
        verdict.outcome().name(),
        id + " verdict; causes " + verdict.causes());
    assertEquals(
        codes(expect.path("causes")),
        verdict.causes().stream().map(x -> x.code().name()).toList(),
        id + " causes");
    if (expect.has("warnings")) {
      assertEquals(
          codes(expect.path("warnings")),
          verdict.warnings().stream().map(x -> x.code().name()).toList(),
          id + " warnings");
    }
    if (expect.has("detail")) {
      assertEquals(
          expect.path("detail").asText(), verdict.causes().get(0).detail(), id + " detail");
    }
    if (expect.has("console_contains")) {
      String console = verdict.engines().get(Engine.CHROMIUM).consoleMessage();
      assertTrue(
          console != null && console.contains(expect.path("console_contains").asText()),
          id + " console: " + console);
      assertTrue(
          console.startsWith(
              "Access to fetch at '" + request.url() + "' from origin '" + request.origin() + "'"),
          console);
    }
    if (expect.has("message_contains")) {
      assertTrue(
          verdict.causes().stream()
              .anyMatch(x -> x.message().contains(expect.path("message_contains").asText())),
          id);
    }
    expect
        .path("engines")
        .properties()
        .forEach(
            e -> {
              EngineVerdict ev =
                  verdict
                      .engines()
                      .get(Engine.valueOf(e.getKey().toUpperCase(java.util.Locale.ROOT)));
              assertEquals(
                  codes(e.getValue()),
                  ev.causes().stream().map(x -> x.code().name()).toList(),
                  id + " " + e.getKey());
            });
    expect
        .path("cache")
        .properties()
        .forEach(
            e -> {
              EngineVerdict ev =
                  verdict
                      .engines()
                      .get(Engine.valueOf(e.getKey().toUpperCase(java.util.Locale.ROOT)));
              Integer want = e.getValue().isNull() ? null : e.getValue().asInt();
              assertEquals(want, ev.preflightCacheSeconds(), id + " cache " + e.getKey());
            });
    if (expect.has("readable")) {
      assertEquals(
          codes(expect.path("readable")), verdict.readableResponseHeaders(), id + " readable");
    }
    if (expect.has("preflight_needed")) {
      assertEquals(expect.path("preflight_needed").asBoolean(), verdict.preflightNeeded(), id);
    }
    for (Cause cause : verdict.causes()) {
      assertTrue(!cause.message().isBlank() && !cause.fix().isBlank(), id + " cause text");
    }
  }

  static CorsRequest request(JsonNode r) {
    List<HeaderLine> headers =
        r.has("headers")
            ? pairs(r.path("headers"))
            : List.of(
                new HeaderLine("Authorization", "Bearer sk-test"),
                new HeaderLine("Content-Type", "application/json"));
    return new CorsRequest(
        r.path("url").asText(URL),
        r.path("origin").asText(ORIGIN),
        r.path("method").asText("POST"),
        headers,
        CredentialsMode.parse(r.path("credentials").asText("omit")));
  }

  static Exchange exchange(JsonNode c, String field) {
    SentRequest sent = new SentRequest("OPTIONS", URL, "HTTP/1.1", List.of(), List.of());
    JsonNode error = c.path(field + "_error");
    if (!error.isMissingNode()) {
      return Exchange.ofError(
          sent,
          new NetworkError(
              NetworkErrorKind.valueOf(error.path("kind").asText()),
              error.path("message").asText()),
          Instant.EPOCH,
          1);
    }
    JsonNode r = c.path(field);
    if (r.isMissingNode()) {
      return null;
    }
    String contentType = r.has("content_type") ? r.path("content_type").asText() : null;
    RecordedResponse response =
        new RecordedResponse(
            r.path("status").asInt(),
            "HTTP/1.1",
            pairs(r.path("headers")),
            contentType,
            r.path("body").asText(""),
            false,
            r.has("raw") ? rawLines(r.path("raw"), pairs(r.path("headers"))) : null);
    return Exchange.ofResponse(sent, response, Instant.EPOCH, 1);
  }

  /** A raw header block as the raw recorder keeps it: the raw lines, then the well-formed ones. */
  static List<String> rawLines(JsonNode raw, List<HeaderLine> headers) {
    List<String> lines = new ArrayList<>();
    raw.forEach(n -> lines.add(n.asText().endsWith("\n") ? n.asText() : n.asText() + "\r\n"));
    headers.forEach(h -> lines.add(h.name() + ": " + h.value() + "\r\n"));
    return lines;
  }

  static List<HeaderLine> pairs(JsonNode array) {
    List<HeaderLine> out = new ArrayList<>();
    for (JsonNode pair : array) {
      out.add(new HeaderLine(pair.get(0).asText(), pair.get(1).asText()));
    }
    return out;
  }

  static List<String> codes(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<JsonNode> cases() throws IOException {
    try (InputStream in = GraderCasesTest.class.getResourceAsStream("/grade/cause-cases.yaml")) {
      List<JsonNode> out = new ArrayList<>();
      new YAMLMapper().readTree(in).path("cases").forEach(out::add);
      return out;
    }
  }
}
