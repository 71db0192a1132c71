package dev.corsaudit.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a run's observations to target/conformance/&lt;browser&gt;.json for later comparison. */
final class ObservationFiles {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ObservationFiles() {}

  static Path write(Browser browser, List<Observation> observations) throws IOException {
    Path dir = Path.of(System.getProperty("basedir", "."), "target", "conformance");
    Files.createDirectories(dir);
    Path file = dir.resolve(browser.key() + ".json");
    JSON.writeValue(file.toFile(), observations);
    return file;
  }
}
