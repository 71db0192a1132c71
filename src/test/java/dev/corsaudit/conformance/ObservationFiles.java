package dev.corsaudit.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corsaudit.model.HeaderLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a run's observations to target/conformance/&lt;browser&gt;.json, keyed by case id, in the
 * case files' {@code observed.<browser>} form plus the outcome, so that {@code
 * src/test/resources/conformance/record-observations.py} can record them into the case files.
 */
final class ObservationFiles {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ObservationFiles() {}

  /** Writes the observations, and the browser's raw output beside them for diagnosis. */
  static Path write(ConformanceRun.Result result) throws IOException {
    Path dir = Path.of(System.getProperty("basedir", "."), "target", "conformance");
    Files.createDirectories(dir);
    String key = result.browser().key();
    Files.writeString(dir.resolve(key + ".log"), result.log(), StandardCharsets.ISO_8859_1);
    ObjectNode all = JSON.createObjectNode();
    for (Observation seen : result.observations()) {
      RecordedObservation o = RecordedObservation.of(seen, result.pageOrigin());
      ObjectNode node = all.putObject(seen.id());
      node.put("outcome", seen.outcome().name());
      node.put("error", o.error());
      node.put("status", o.status());
      ArrayNode readable = node.putArray("readable_headers");
      for (HeaderLine line : o.readableHeaders()) {
        readable.addArray().add(line.name()).add(line.value());
      }
      node.put("preflights", o.preflights());
      node.put("acrm", o.requestMethodHeader());
      node.put("acrh", o.requestHeadersHeader());
      node.put("actuals", o.actuals());
      node.put("actual_method", o.actualMethod());
      node.put("actual_origin", o.actualOrigin());
      ArrayNode console = node.putArray("console");
      o.console().forEach(console::add);
      if (!o.hops().isEmpty()) {
        ArrayNode hops = node.putArray("hops");
        for (HopObservation hop : o.hops()) {
          ObjectNode h = hops.addObject();
          h.put("preflights", hop.preflights());
          h.put("acrm", hop.requestMethodHeader());
          h.put("acrh", hop.requestHeadersHeader());
          h.put("preflight_origin", hop.preflightOrigin());
          h.put("actuals", hop.actuals());
          h.put("method", hop.method());
          h.put("origin", hop.origin());
          ArrayNode names = h.putArray("headers");
          hop.headers().forEach(names::add);
          h.put("body", hop.body());
        }
      }
    }
    Path file = dir.resolve(key + ".json");
    JSON.writeValue(file.toFile(), all);
    return file;
  }
}
