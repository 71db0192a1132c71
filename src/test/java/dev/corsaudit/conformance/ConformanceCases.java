package dev.corsaudit.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corsaudit.config.BuiltinProfiles;
import dev.corsaudit.config.HeaderProfile;
import dev.corsaudit.grade.Engine;
import dev.corsaudit.grade.Outcome;
import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.HeaderLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the case files under {@code conformance/cases/} on the test classpath. Each file holds
 * {@code {"cases": [...]}}; files are read in name order and cases keep their order in the file.
 */
public final class ConformanceCases {

  public static final String RESOURCE_DIR = "conformance/cases";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ConformanceCases() {}

  public static List<ConformanceCase> load() {
    URL dir = ConformanceCases.class.getClassLoader().getResource(RESOURCE_DIR);
    if (dir == null) {
      throw new IllegalStateException("no " + RESOURCE_DIR + " on the test classpath");
    }
    List<ConformanceCase> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        for (JsonNode node : JSON.readTree(file.toFile()).path("cases")) {
          cases.add(parseCase(node, file.getFileName().toString()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    requireUniqueIds(cases);
    return List.copyOf(cases);
  }

  static ConformanceCase parseCase(JsonNode node, String fileName) {
    String id = required(node, "id", fileName).asText();
    if (!id.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException(fileName + ": case id '" + id + "' must be [a-z0-9-]+");
    }
    String where = fileName + " case " + id;
    JsonNode request = required(node, "request", where);
    CaseRequest caseRequest =
        new CaseRequest(
            required(request, "method", where).asText(),
            requestHeaders(request, where),
            CredentialsMode.parse(request.path("credentials").asText("omit")),
            textOrNull(request, "body"));
    return new ConformanceCase(
        id,
        required(node, "description", where).asText(),
        required(node, "source", where).asText(),
        caseRequest,
        node.hasNonNull("preflight") ? response(node.get("preflight"), where) : null,
        response(required(node, "actual", where), where),
        redirects(node.path("redirects"), where),
        expectations(node.path("expect"), where),
        requestHeadersQuirks(node.path("acrh")),
        observed(node.path("observed"), where));
  }

  /**
   * A request names a built-in header profile ({@code "profile": "none"}), lists {@code headers},
   * or both (the profile's come first), as {@code check --profile ... --header ...} would.
   */
  private static List<HeaderLine> requestHeaders(JsonNode request, String where) {
    List<HeaderLine> headers = new ArrayList<>();
    if (request.hasNonNull("profile")) {
      HeaderProfile profile = BuiltinProfiles.all().get(request.get("profile").asText());
      if (profile == null) {
        throw new IllegalArgumentException(where + ": unknown profile " + request.get("profile"));
      }
      headers.addAll(profile.headers());
    }
    headers.addAll(headers(request.path("headers"), where));
    return headers;
  }

  private static Map<Engine, RecordedObservation> observed(JsonNode node, String where) {
    Map<Engine, RecordedObservation> observed = new EnumMap<>(Engine.class);
    node.fields()
        .forEachRemaining(
            field -> {
              JsonNode o = field.getValue();
              List<String> console = new ArrayList<>();
              o.path("console").forEach(line -> console.add(line.asText()));
              observed.put(
                  Engine.valueOf(field.getKey().toUpperCase(Locale.ROOT)),
                  new RecordedObservation(
                      textOrNull(o, "error"),
                      o.path("status").asInt(),
                      headers(o.path("readable_headers"), where),
                      o.path("preflights").asInt(),
                      textOrNull(o, "acrm"),
                      textOrNull(o, "acrh"),
                      o.path("actuals").asInt(),
                      textOrNull(o, "actual_method"),
                      textOrNull(o, "actual_origin"),
                      console,
                      hops(o.path("hops"))));
            });
    return observed;
  }

  private static List<HopObservation> hops(JsonNode array) {
    List<HopObservation> hops = new ArrayList<>();
    for (JsonNode h : array) {
      List<String> names = new ArrayList<>();
      h.path("headers").forEach(name -> names.add(name.asText()));
      hops.add(
          new HopObservation(
              h.path("preflights").asInt(),
              textOrNull(h, "acrm"),
              textOrNull(h, "acrh"),
              textOrNull(h, "preflight_origin"),
              h.path("actuals").asInt(),
              textOrNull(h, "method"),
              textOrNull(h, "origin"),
              names,
              textOrNull(h, "body")));
    }
    return hops;
  }

  private static Map<Engine, String> requestHeadersQuirks(JsonNode node) {
    Map<Engine, String> quirks = new EnumMap<>(Engine.class);
    node.fields()
        .forEachRemaining(
            field ->
                quirks.put(
                    Engine.valueOf(field.getKey().toUpperCase(Locale.ROOT)),
                    field.getValue().isNull() ? "" : field.getValue().asText()));
    return quirks;
  }

  /** {@code redirects: [{...response..., "preflight": {...}}]}: each hop's answer, in order. */
  private static List<CaseHop> redirects(JsonNode array, String where) {
    List<CaseHop> hops = new ArrayList<>();
    for (JsonNode hop : array) {
      hops.add(
          new CaseHop(
              response(hop, where),
              hop.hasNonNull("preflight") ? response(hop.get("preflight"), where) : null));
    }
    return hops;
  }

  private static CaseResponse response(JsonNode node, String where) {
    return new CaseResponse(
        required(node, "status", where).asInt(),
        headers(node.path("headers"), where),
        textOrNull(node, "body"),
        textOrNull(node, "content_type"),
        rawHeaders(node.path("raw_headers")));
  }

  private static List<String> rawHeaders(JsonNode array) {
    List<String> lines = new ArrayList<>();
    array.forEach(line -> lines.add(line.asText()));
    return lines;
  }

  private static List<HeaderLine> headers(JsonNode array, String where) {
    List<HeaderLine> lines = new ArrayList<>();
    for (JsonNode pair : array) {
      if (!pair.isArray() || pair.size() != 2) {
        throw new IllegalArgumentException(where + ": header " + pair + " is not [name, value]");
      }
      lines.add(new HeaderLine(pair.get(0).asText(), pair.get(1).asText()));
    }
    return lines;
  }

  private static Map<Engine, Outcome> expectations(JsonNode node, String where) {
    Map<Engine, Outcome> expect = new EnumMap<>(Engine.class);
    node.fields()
        .forEachRemaining(
            field -> {
              Engine engine = Engine.valueOf(field.getKey().toUpperCase(Locale.ROOT));
              expect.put(engine, Outcome.valueOf(field.getValue().asText()));
            });
    if (!expect.containsKey(Engine.CHROMIUM)
        || !expect.containsKey(Engine.FIREFOX)
        || !expect.containsKey(Engine.WEBKIT)) {
      throw new IllegalArgumentException(where + ": expect needs chromium, firefox and webkit");
    }
    return expect;
  }

  private static JsonNode required(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException(where + ": missing '" + field + "'");
    }
    return value;
  }

  private static String textOrNull(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static void requireUniqueIds(List<ConformanceCase> cases) {
    Set<String> seen = new HashSet<>();
    for (ConformanceCase c : cases) {
      if (!seen.add(c.id())) {
        throw new IllegalArgumentException("duplicate case id " + c.id());
      }
    }
  }
}
