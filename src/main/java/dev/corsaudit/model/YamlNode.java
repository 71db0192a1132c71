package dev.corsaudit.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A YAML document as a tree that remembers where each node came from. Jackson's JsonNode forgets
 * locations, and every error in providers.yaml (and in the replica data files) must point at a line
 * and column.
 */
public final class YamlNode {

  public static final long MAX_BYTES = 10L * 1024 * 1024;

  /** The kinds of node a plain YAML document holds. */
  public enum Kind {
    MAP,
    LIST,
    STRING,
    NUMBER,
    BOOLEAN,
    NULL
  }

  private final Kind kind;
  private final String where;
  private final Map<String, YamlNode> map;
  private final Map<String, String> keyWhere;
  private final List<YamlNode> list;
  private final String text;

  private YamlNode(
      Kind kind,
      String where,
      Map<String, YamlNode> map,
      Map<String, String> keyWhere,
      List<YamlNode> list,
      String text) {
    this.kind = kind;
    this.where = where;
    this.map = map;
    this.keyWhere = keyWhere;
    this.list = list;
    this.text = text;
  }

  public Kind kind() {
    return kind;
  }

  public String where() {
    return where;
  }

  public Map<String, YamlNode> map() {
    return Collections.unmodifiableMap(map);
  }

  public String keyWhere(String key) {
    return keyWhere.getOrDefault(key, where);
  }

  public List<YamlNode> list() {
    return Collections.unmodifiableList(list);
  }

  public String text() {
    return text;
  }

  /**
   * Parses one YAML document (aliases, size and depth limited) into a located tree, or null when
   * the document is empty. Every problem is a {@link ConfigException} naming FILE:LINE:COLUMN.
   */
  public static YamlNode parse(String source, String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(50); // refuses "billion laughs" alias bombs
    options.setCodePointLimit((int) MAX_BYTES);
    options.setNestingDepthLimit(64);
    YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
    try (JsonParser parser = factory.createParser(yaml)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return null;
      }
      YamlNode root = read(parser, source, 0);
      if (parser.nextToken() != null) {
        throw new ConfigException(
            location(source, parser.currentTokenLocation())
                + ": more than one YAML document; keep a single document");
      }
      return root;
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage().lines().findFirst().orElse("invalid YAML").strip();
      if (message.toLowerCase(java.util.Locale.ROOT).contains("alias")) {
        message = "too many YAML aliases (" + message + "); expand them or split the file";
      }
      var loc = e.getLocation();
      String where = loc == null ? source : location(source, loc);
      throw new ConfigException(where + ": invalid YAML: " + message);
    } catch (IOException e) {
      throw new ConfigException(source + ": cannot read YAML (" + e.getMessage() + ")");
    } catch (RuntimeException e) {
      if (e instanceof ConfigException) {
        throw e;
      }
      // SnakeYAML signals its own limits (aliases, size, depth) with unchecked exceptions.
      throw new ConfigException(
          source
              + ": YAML refused: "
              + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
              + "; simplify the file");
    }
  }

  /** Reads one value starting at the parser's current token. */
  static YamlNode read(JsonParser parser, String source, int depth) throws IOException {
    if (depth > 64) {
      throw new ConfigException(
          location(source, parser.currentTokenLocation())
              + ": nesting is deeper than 64 levels; flatten the file");
    }
    JsonToken token = parser.currentToken();
    String where = location(source, parser.currentTokenLocation());
    switch (token) {
      case START_OBJECT:
        {
          Map<String, YamlNode> map = new LinkedHashMap<>();
          Map<String, String> keys = new LinkedHashMap<>();
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            String keyAt = location(source, parser.currentTokenLocation());
            if (map.containsKey(key)) {
              throw new ConfigException(
                  keyAt + ": key '" + key + "' appears twice in this mapping; keep one");
            }
            parser.nextToken();
            map.put(key, read(parser, source, depth + 1));
            keys.put(key, keyAt);
          }
          return new YamlNode(Kind.MAP, where, map, keys, List.of(), null);
        }
      case START_ARRAY:
        {
          List<YamlNode> items = new ArrayList<>();
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(read(parser, source, depth + 1));
          }
          return new YamlNode(Kind.LIST, where, Map.of(), Map.of(), items, null);
        }
      case VALUE_STRING:
        return scalar(Kind.STRING, where, parser.getText());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return scalar(Kind.NUMBER, where, parser.getText());
      case VALUE_TRUE:
      case VALUE_FALSE:
        return scalar(Kind.BOOLEAN, where, parser.getText());
      case VALUE_NULL:
        return scalar(Kind.NULL, where, null);
      default:
        throw new ConfigException(
            where
                + ": unsupported YAML content ("
                + token
                + "); use plain mappings, lists and scalars");
    }
  }

  private static YamlNode scalar(Kind kind, String where, String text) {
    return new YamlNode(kind, where, Map.of(), Map.of(), List.of(), text);
  }

  public static String location(String source, JsonLocation location) {
    return source + ":" + location.getLineNr() + ":" + location.getColumnNr();
  }

  /** The same tree as Jackson JSON, for parsers that take JsonNode (the policy body). */
  public JsonNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (kind) {
      case MAP -> {
        ObjectNode node = f.objectNode();
        map.forEach((k, v) -> node.set(k, v.toJson()));
        yield node;
      }
      case LIST -> {
        ArrayNode node = f.arrayNode();
        list.forEach(v -> node.add(v.toJson()));
        yield node;
      }
      case STRING -> f.textNode(text);
      case NUMBER ->
          text.contains(".") || text.contains("e") || text.contains("E")
              ? f.numberNode(Double.parseDouble(text))
              : f.numberNode(new java.math.BigInteger(text));
      case BOOLEAN -> f.booleanNode(Boolean.parseBoolean(text));
      case NULL -> f.nullNode();
    };
  }
}
