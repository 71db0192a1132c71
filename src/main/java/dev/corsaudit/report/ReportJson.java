package dev.corsaudit.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.corsaudit.result.ReportDocument;
import java.io.IOException;

/**
 * The one mapping between JSON reports and {@link ReportDocument}: the writer and the reader use
 * the same mapper, so what is written is what is read back.
 */
public final class ReportJson {

  static final ObjectMapper MAPPER =
      // C1 controls and direction overrides escaped too, so a report cat'ed to a terminal is inert.
      new ObjectMapper(
              new com.fasterxml.jackson.core.JsonFactory()
                  .setCharacterEscapes(dev.corsaudit.result.Escape.jsonEscapes()))
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
          // Reports of later minor versions add fields; a reader of this version ignores them.
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ReportJson() {}

  /**
   * Reads a JSON report.
   *
   * @throws ReportFormatException when the text is not a cors-audit report this version can read
   */
  public static ReportDocument read(String text) {
    try {
      return read(MAPPER.readTree(text));
    } catch (ReportFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new ReportFormatException(
          "not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
  }

  /** Reads a JSON report already parsed (streamed from a file with a size cap). */
  public static ReportDocument read(com.fasterxml.jackson.databind.JsonNode tree) {
    ReportDocument document;
    try {
      document = MAPPER.treeToValue(tree, ReportDocument.class);
    } catch (JsonMappingException e) {
      throw new ReportFormatException(
          "not a cors-audit JSON report ("
              + e.getOriginalMessage().lines().findFirst().orElse("")
              + ")");
    } catch (IOException e) {
      throw new ReportFormatException(
          "not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
    if (document == null || document.tool() == null) {
      throw new ReportFormatException("not a cors-audit JSON report (no \"tool\")");
    }
    if (document.schemaVersion() > ReportDocument.SCHEMA_VERSION) {
      throw new ReportFormatException(
          "made by a newer cors-audit (schema_version "
              + document.schemaVersion()
              + "; this version reads up to "
              + ReportDocument.SCHEMA_VERSION
              + ")");
    }
    return document;
  }

  /** A report that cannot be read; the message says why in the user's terms. */
  public static final class ReportFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReportFormatException(String message) {
      super(message);
    }
  }
}
