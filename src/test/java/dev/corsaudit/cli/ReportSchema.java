package dev.corsaudit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** The committed JSON schema, for validating what the CLI prints. */
final class ReportSchema {
  private ReportSchema() {}

  static Set<ValidationMessage> validate(JsonNode json) {
    try (InputStream in =
        ReportSchema.class.getResourceAsStream("/schema/cors-audit-report.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(in)
          .validate(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
