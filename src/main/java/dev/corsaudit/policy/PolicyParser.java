package dev.corsaudit.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.corsaudit.model.BoundedInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an endpoint CORS policy body with the rules and messages of the per-endpoint CORS API that
 * does CORS right (shared/seeds/000): required fields, aliases (canonical wins), defaults, and the
 * wildcard-with-credentials rejection.
 */
public final class PolicyParser {

  public static final List<String> VALID_METHODS =
      List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");
  static final List<String> DEFAULT_HEADERS = List.of("Content-Type", "Authorization");
  static final long DEFAULT_MAX_AGE = 86400;
  static final boolean DEFAULT_CREDENTIALS = true;

  /** A policy body is a few hundred bytes; 1 MiB leaves room for comments and long lists. */
  public static final long MAX_FILE_BYTES = 1L << 20;

  private static final Set<String> KNOWN_FIELDS =
      Set.of(
          "allow_origins",
          "allowed_origins",
          "allow_methods",
          "allowed_methods",
          "allow_headers",
          "allowed_headers",
          "allow_credentials",
          "expose_headers",
          "max_age",
          "max_age_seconds");

  private PolicyParser() {}

  public static CorsPolicy parse(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new PolicyException("the policy body must be a JSON object.");
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KNOWN_FIELDS.contains(name)) {
        throw new PolicyException(
            "unknown field '"
                + name
                + "'; known fields: allow_origins, allow_methods, allow_headers,"
                + " allow_credentials, expose_headers, max_age (and the allowed_*/max_age_seconds aliases).");
      }
    }
    JsonNode origins = pick(body, "allow_origins", "allowed_origins");
    if (origins == null) {
      throw new PolicyException("allow_origins (or allowed_origins) is required.");
    }
    JsonNode methods = pick(body, "allow_methods", "allowed_methods");
    if (methods == null) {
      throw new PolicyException("allow_methods (or allowed_methods) is required.");
    }
    List<String> allowOrigins = strings(origins, "allow_origins");
    List<String> allowMethods = strings(methods, "allow_methods");
    for (String method : allowMethods) {
      if (!VALID_METHODS.contains(method)) {
        throw new PolicyException(
            "allow_methods contains invalid method '"
                + method
                + "'; valid values: "
                + String.join(", ", VALID_METHODS)
                + ".");
      }
    }
    JsonNode headersNode = pick(body, "allow_headers", "allowed_headers");
    List<String> allowHeaders =
        headersNode == null ? DEFAULT_HEADERS : strings(headersNode, "allow_headers");
    boolean credentials = DEFAULT_CREDENTIALS;
    JsonNode credentialsNode = body.get("allow_credentials");
    if (credentialsNode != null && !credentialsNode.isNull()) {
      if (!credentialsNode.isBoolean()) {
        throw new PolicyException("allow_credentials must be a boolean.");
      }
      credentials = credentialsNode.booleanValue();
    }
    JsonNode exposeNode = body.get("expose_headers");
    List<String> expose =
        exposeNode == null || exposeNode.isNull()
            ? List.of()
            : strings(exposeNode, "expose_headers");
    long maxAge = DEFAULT_MAX_AGE;
    JsonNode maxAgeNode = pick(body, "max_age", "max_age_seconds");
    if (maxAgeNode != null) {
      if (!maxAgeNode.isIntegralNumber()) {
        throw new PolicyException("max_age must be an integer number of seconds.");
      }
      maxAge = maxAgeNode.longValue();
      if (maxAge < 0) {
        throw new PolicyException("max_age must be non-negative.");
      }
    }
    if (allowOrigins.contains("*") && credentials) {
      throw new PolicyException(
          "allow_origins cannot be '*' when allow_credentials is true (CORS spec).");
    }
    return new CorsPolicy(allowOrigins, allowMethods, allowHeaders, credentials, expose, maxAge);
  }

  /**
   * Reads a policy body from a .json (or .yaml) file; I/O and syntax problems become
   * PolicyException.
   */
  public static CorsPolicy parseFile(Path file) throws IOException {
    String text;
    try {
      // Capped while reading: a FIFO or /dev/zero stops at the cap instead of filling memory.
      text = BoundedInput.readString(file, MAX_FILE_BYTES);
    } catch (BoundedInput.TooLargeException e) {
      throw new PolicyException(
          "the file is larger than "
              + BoundedInput.describe(MAX_FILE_BYTES)
              + "; a policy body is a small JSON object.");
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new PolicyException("not UTF-8 text; save the file as UTF-8.");
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    ObjectMapper mapper =
        name.endsWith(".yaml") || name.endsWith(".yml") ? new YAMLMapper() : new ObjectMapper();
    String format = mapper instanceof YAMLMapper ? "YAML" : "JSON";
    JsonNode body;
    JsonParser parser = null;
    try {
      parser = mapper.createParser(text);
      body = mapper.readTree(parser);
    } catch (StreamConstraintsException e) {
      // Jackson's nesting-depth and string-length limits: no location of their own.
      throw new PolicyException(
          "not a usable " + format + " policy: " + e.getOriginalMessage() + where(e, parser) + ".");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new PolicyException(
          "not valid " + format + ": " + e.getOriginalMessage() + where(e, parser) + ".");
    } catch (RuntimeException e) {
      // SnakeYAML reports its own limits (aliases, code points, depth) unchecked.
      throw new PolicyException(
          "not valid " + format + ": " + firstLine(e.getMessage()) + where(null, parser) + ".");
    } finally {
      if (parser != null) {
        parser.close();
      }
    }
    return parse(body);
  }

  /** " (line L, column C)" from the exception, else from where the parser stopped. */
  private static String where(
      com.fasterxml.jackson.core.JsonProcessingException e, JsonParser parser) {
    JsonLocation location = e == null ? null : e.getLocation();
    if (location == null && parser != null) {
      location = parser.currentLocation();
    }
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  private static String firstLine(String message) {
    return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
  }

  /** The canonical key wins when both forms are present. */
  private static JsonNode pick(JsonNode body, String canonical, String alias) {
    JsonNode value = body.get(canonical);
    if (value == null || value.isNull()) {
      value = body.get(alias);
    }
    return value == null || value.isNull() ? null : value;
  }

  private static List<String> strings(JsonNode node, String field) {
    if (!node.isArray()) {
      throw new PolicyException(field + " must be an array of strings.");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw new PolicyException(field + " must be an array of strings.");
      }
      out.add(item.textValue());
    }
    return out;
  }
}
