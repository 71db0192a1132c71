package dev.corsaudit.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a JSON report against the committed schema (src/main/resources/schema), so that diff never
 * compares a broken report: rows without an id would collapse into one, a wrong schema_version
 * would read as "No changes". Interprets the subset of JSON Schema 2020-12 the schema uses: type,
 * const, enum, required, properties, additionalProperties, items, prefixItems, minItems, maxItems,
 * minimum, pattern and local $ref.
 */
public final class ReportValidator {

  /** The schema_version this build writes and reads. */
  public static final int SCHEMA_VERSION = dev.corsaudit.result.ReportDocument.SCHEMA_VERSION;

  private static final int MAX_PROBLEMS = 3;
  private static final JsonNode SCHEMA = load();

  private ReportValidator() {}

  /**
   * What is wrong with the report, most useful first; empty when it is valid. A schema_version
   * newer than this build's is reported alone, since the rest cannot be judged.
   */
  public static List<String> problems(JsonNode report) {
    List<String> problems = new ArrayList<>();
    if (report == null || !report.isObject()) {
      problems.add("it is not a JSON object");
      return problems;
    }
    JsonNode version = report.get("schema_version");
    if (version != null && version.isIntegralNumber() && version.asLong() > SCHEMA_VERSION) {
      problems.add(
          "it has schema_version "
              + version.asText()
              + ", newer than the "
              + SCHEMA_VERSION
              + " this cors-audit reads; upgrade cors-audit to compare it");
      return problems;
    }
    JsonNode checked = report;
    if (version != null && version.isIntegralNumber() && version.asLong() >= 1) {
      // Older versions are read too; the schema describes the current one, which only adds.
      checked = report.deepCopy();
      ((com.fasterxml.jackson.databind.node.ObjectNode) checked)
          .put("schema_version", SCHEMA_VERSION);
    }
    validate(SCHEMA, checked, "", problems);
    return problems;
  }

  private static void validate(JsonNode schema, JsonNode value, String at, List<String> out) {
    if (out.size() >= MAX_PROBLEMS || schema == null || schema.isBoolean()) {
      if (schema != null && schema.isBoolean() && !schema.asBoolean()) {
        out.add(where(at) + " is not allowed");
      }
      return;
    }
    JsonNode ref = schema.get("$ref");
    if (ref != null) {
      validate(resolve(ref.asText()), value, at, out);
      return;
    }
    JsonNode type = schema.get("type");
    if (type != null && !typeMatches(type, value)) {
      out.add(where(at) + " must be " + typeText(type) + ", not " + kind(value));
      return;
    }
    JsonNode constant = schema.get("const");
    if (constant != null && !same(constant, value)) {
      out.add(where(at) + " must be " + constant);
      return;
    }
    JsonNode enumeration = schema.get("enum");
    if (enumeration != null) {
      boolean found = false;
      for (JsonNode option : enumeration) {
        found |= same(option, value);
      }
      if (!found) {
        out.add(where(at) + " must be one of " + enumeration + ", not " + value);
        return;
      }
    }
    JsonNode pattern = schema.get("pattern");
    if (pattern != null && value.isTextual()) {
      if (!Pattern.compile(pattern.asText()).matcher(value.asText()).find()) {
        out.add(where(at) + " does not match " + pattern.asText());
      }
    }
    JsonNode minimum = schema.get("minimum");
    if (minimum != null
        && value.isNumber()
        && value.decimalValue().compareTo(decimal(minimum)) < 0) {
      out.add(where(at) + " must be at least " + minimum.asText());
    }
    if (value.isObject()) {
      object(schema, value, at, out);
    } else if (value.isArray()) {
      array(schema, value, at, out);
    }
  }

  private static void object(JsonNode schema, JsonNode value, String at, List<String> out) {
    for (JsonNode required : schema.path("required")) {
      if (!value.has(required.asText())) {
        out.add(where(at) + " lacks the required field \"" + required.asText() + "\"");
        if (out.size() >= MAX_PROBLEMS) {
          return;
        }
      }
    }
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.get("additionalProperties");
    for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String path = at + "/" + field.getKey();
      if (properties.has(field.getKey())) {
        validate(properties.get(field.getKey()), field.getValue(), path, out);
      } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
        out.add(where(at) + " has an unknown field \"" + field.getKey() + "\"");
      } else if (additional != null && additional.isObject()) {
        validate(additional, field.getValue(), path, out);
      }
      if (out.size() >= MAX_PROBLEMS) {
        return;
      }
    }
  }

  private static void array(JsonNode schema, JsonNode value, String at, List<String> out) {
    if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
      out.add(where(at) + " must have at least " + schema.get("minItems").asInt() + " items");
    }
    if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
      out.add(where(at) + " must have at most " + schema.get("maxItems").asInt() + " items");
    }
    JsonNode prefix = schema.path("prefixItems");
    JsonNode items = schema.get("items");
    for (int i = 0; i < value.size() && out.size() < MAX_PROBLEMS; i++) {
      if (i < prefix.size()) {
        validate(prefix.get(i), value.get(i), at + "/" + i, out);
      } else if (items != null) {
        validate(items, value.get(i), at + "/" + i, out);
      }
    }
  }

  private static boolean typeMatches(JsonNode type, JsonNode value) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (typeMatches(t, value)) {
          return true;
        }
      }
      return false;
    }
    return switch (type.asText()) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "boolean" -> value.isBoolean();
      case "null" -> value.isNull();
      case "number" -> value.isNumber();
      case "integer" ->
          value.isIntegralNumber()
              || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
      default -> true;
    };
  }

  private static String typeText(JsonNode type) {
    if (!type.isArray()) {
      return type.asText();
    }
    List<String> names = new ArrayList<>();
    type.forEach(t -> names.add(t.asText()));
    return String.join(" or ", names);
  }

  private static String kind(JsonNode value) {
    if (value.isObject()) {
      return "an object";
    }
    if (value.isArray()) {
      return "an array";
    }
    if (value.isTextual()) {
      return "a string";
    }
    if (value.isBoolean()) {
      return "a boolean";
    }
    if (value.isNull()) {
      return "null";
    }
    return "a number";
  }

  private static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  private static BigDecimal decimal(JsonNode number) {
    return number.decimalValue();
  }

  private static String where(String at) {
    return at.isEmpty() ? "the report" : at;
  }

  private static JsonNode resolve(String ref) {
    if (!ref.startsWith("#/")) {
      return null;
    }
    JsonNode node = SCHEMA;
    for (String part : ref.substring(2).split("/")) {
      node = node.path(part.replace("~1", "/").replace("~0", "~"));
    }
    return node.isMissingNode() ? null : node;
  }

  private static JsonNode load() {
    try (InputStream in =
        ReportValidator.class.getResourceAsStream("/schema/cors-audit-report.schema.json")) {
      if (in == null) {
        throw new IllegalStateException("the report schema is missing from the jar");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
