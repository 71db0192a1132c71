package dev.corsaudit.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a run's observations to target/conformance/&lt;browser&gt;.json for later comparison. */
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
    Path file = dir.resolve(key + ".json");
    JSON.writeValue(file.toFile(), result.observations());
    return file;
  }
}
