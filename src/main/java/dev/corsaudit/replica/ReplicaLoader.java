package dev.corsaudit.replica;

import dev.corsaudit.model.ConfigException;
import dev.corsaudit.model.HttpTokens;
import dev.corsaudit.model.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one replica data file as strictly as providers.yaml: an unknown key, a wrong type, a bad
 * regular expression, a rule after the catch-all or a missing source is a {@link ConfigException}
 * naming FILE:LINE:COLUMN and what to do.
 */
final class ReplicaLoader {

  private static final Set<String> TOP_KEYS =
      Set.of("id", "description", "source", "confidence", "rules");
  private static final Set<String> RULE_KEYS =
      Set.of("when", "source", "confidence", "note", "respond");
  private static final Set<String> WHEN_KEYS =
      Set.of(
          "method",
          "path",
          "path_regex",
          "origin",
          "origin_regex",
          "origin_absent",
          "request_headers_include",
          "header_present",
          "body_contains");
  private static final Set<String> RESPOND_KEYS =
      Set.of("status", "reason", "headers", "body", "content_type");
  private static final Set<String> TAGS = Set.of("Q", "S", "I");

  private ReplicaLoader() {}

  /**
   * @param source the file's name in messages
   * @param expectedId the id the file must hold (its name without .yaml), or null not to check
   */
  static Replica parse(String source, String yaml, String expectedId) {
    YamlNode root = YamlNode.parse(source, yaml);
    if (root == null) {
      throw new ConfigException(source + ":1:1: the file is empty; add id, source and rules");
    }
    expect(root, YamlNode.Kind.MAP, "a replica is a mapping with id, description, source, rules");
    checkKeys(root, TOP_KEYS);
    Map<String, YamlNode> m = root.map();
    YamlNode idNode = required(root, "id");
    String id = string(idNode, "id");
    if (expectedId != null && !id.equals(expectedId)) {
      throw ConfigException.at(
          idNode,
          "replica id '" + id + "' does not match its file name",
          "name the file " + id + ".yaml or write id: " + expectedId);
    }
    String description = optionalString(m, "description");
    YamlNode sourceNode = required(root, "source");
    String replicaSource = string(sourceNode, "source");
    if (replicaSource.isBlank()) {
      throw ConfigException.at(
          sourceNode,
          "'source' is empty",
          "name where the answer was recorded (repo#issue or URL, with its date), or synthetic");
    }
    String confidence = confidence(m.get("confidence"));
    boolean synthetic = replicaSource.startsWith("synthetic");
    YamlNode rulesNode = required(root, "rules");
    expect(rulesNode, YamlNode.Kind.LIST, "'rules' is a list of {when, source, respond}");
    if (rulesNode.list().isEmpty()) {
      throw ConfigException.at(
          rulesNode, "'rules' is empty", "add at least one rule (the last one without 'when')");
    }
    List<Replica.Rule> rules = new ArrayList<>();
    List<YamlNode> ruleNodes = rulesNode.list();
    for (int i = 0; i < ruleNodes.size(); i++) {
      YamlNode node = ruleNodes.get(i);
      Replica.Rule rule = rule(node);
      boolean last = i == ruleNodes.size() - 1;
      if (last && rule.when() != null) {
        throw ConfigException.at(
            node.map().get("when"),
            "the last rule has conditions, so some requests would get no answer",
            "drop its 'when' or add a last rule without one");
      }
      if (!synthetic && rule.confidence() == null && confidence == null) {
        throw ConfigException.at(
            node,
            "no confidence for this answer",
            "add confidence: (" + String.join(", ", Replica.CONFIDENCE) + ") to it or the replica");
      }
      rules.add(rule);
    }
    return new Replica(id, description, replicaSource, confidence, rules);
  }

  private static Replica.Rule rule(YamlNode node) {
    expect(node, YamlNode.Kind.MAP, "a rule is a mapping with when (optional) and respond");
    checkKeys(node, RULE_KEYS);
    Map<String, YamlNode> m = node.map();
    Replica.When when = m.containsKey("when") ? when(m.get("when")) : null;
    String source = optionalString(m, "source");
    if (source != null && source.isBlank()) {
      throw ConfigException.at(m.get("source"), "'source' is empty", "name the evidence");
    }
    String confidence = confidence(m.get("confidence"));
    String note = optionalString(m, "note");
    Replica.Respond respond = respond(required(node, "respond"));
    return new Replica.Rule(when, source, confidence, note, respond);
  }

  private static Replica.When when(YamlNode node) {
    expect(node, YamlNode.Kind.MAP, "'when' maps conditions to values, e.g. {method: OPTIONS}");
    checkKeys(node, WHEN_KEYS);
    Map<String, YamlNode> m = node.map();
    if (m.isEmpty()) {
      throw ConfigException.at(node, "'when' has no conditions", "drop it or name a condition");
    }
    String method = optionalString(m, "method");
    if (method != null && !HttpTokens.isToken(method)) {
      throw ConfigException.at(
          m.get("method"), "'" + method + "' is not an HTTP method", "use e.g. OPTIONS");
    }
    String path = optionalString(m, "path");
    if (path != null && !path.isEmpty() && !path.startsWith("/")) {
      throw ConfigException.at(
          m.get("path"), "path '" + path + "' must start with '/'", "write it as /models");
    }
    return new Replica.When(
        method,
        path,
        regex(m.get("path_regex"), "path_regex"),
        m.containsKey("origin") ? stringList(m.get("origin"), "origin") : null,
        regex(m.get("origin_regex"), "origin_regex"),
        m.containsKey("origin_absent") ? bool(m.get("origin_absent"), "origin_absent") : null,
        m.containsKey("request_headers_include")
            ? stringList(m.get("request_headers_include"), "request_headers_include")
            : null,
        optionalString(m, "header_present"),
        optionalString(m, "body_contains"));
  }

  private static Replica.Respond respond(YamlNode node) {
    expect(node, YamlNode.Kind.MAP, "'respond' is a mapping with status, headers, body");
    checkKeys(node, RESPOND_KEYS);
    Map<String, YamlNode> m = node.map();
    YamlNode statusNode = required(node, "status");
    if (statusNode.kind() != YamlNode.Kind.NUMBER
        || !statusNode.text().matches("[1-5][0-9][0-9]")) {
      throw ConfigException.at(
          statusNode, "'status' must be an HTTP status code", "write a number from 100 to 599");
    }
    List<Replica.Header> headers = new ArrayList<>();
    if (m.containsKey("headers")) {
      YamlNode list = m.get("headers");
      expect(
          list, YamlNode.Kind.LIST, "'headers' is a list of [name, value] or [name, value, tag]");
      for (YamlNode line : list.list()) {
        headers.add(header(line));
      }
    }
    return new Replica.Respond(
        Integer.parseInt(statusNode.text()),
        optionalString(m, "reason"),
        headers,
        optionalString(m, "body"),
        optionalString(m, "content_type"));
  }

  private static Replica.Header header(YamlNode line) {
    if (line.kind() != YamlNode.Kind.LIST || line.list().size() < 2 || line.list().size() > 3) {
      throw ConfigException.at(
          line,
          "a header line must be [name, value] or [name, value, tag]",
          "write e.g. [access-control-allow-origin, \"*\", Q]");
    }
    YamlNode nameNode = line.list().get(0);
    String name = string(nameNode, "header name");
    if (!HttpTokens.isToken(name)) {
      throw ConfigException.at(
          nameNode, "'" + name + "' is not a valid header name", "use letters, digits and -");
    }
    String value = scalar(line.list().get(1), "header value");
    String tag = null;
    if (line.list().size() == 3) {
      YamlNode tagNode = line.list().get(2);
      tag = string(tagNode, "tag");
      if (!TAGS.contains(tag)) {
        throw ConfigException.at(
            tagNode,
            "tag '" + tag + "' is not Q, S or I",
            "Q: quoted from the source; S: read from server code; I: inferred (say why in note)");
      }
    }
    return new Replica.Header(name, value, tag);
  }

  private static String confidence(YamlNode node) {
    if (node == null) {
      return null;
    }
    String value = string(node, "confidence");
    if (!Replica.CONFIDENCE.contains(value)) {
      throw ConfigException.at(
          node,
          "confidence '" + value + "' is not a known level",
          "use one of " + String.join(", ", Replica.CONFIDENCE));
    }
    return value;
  }

  private static Pattern regex(YamlNode node, String key) {
    if (node == null) {
      return null;
    }
    String text = string(node, key);
    try {
      return Pattern.compile(text);
    } catch (PatternSyntaxException e) {
      throw ConfigException.at(
          node,
          "'" + key + "' is not a regular expression (" + e.getDescription() + ")",
          "fix the pattern");
    }
  }

  private static YamlNode required(YamlNode map, String key) {
    YamlNode value = map.map().get(key);
    if (value == null) {
      throw ConfigException.at(map, "missing required key '" + key + "'", "add " + key + ": ...");
    }
    return value;
  }

  private static void checkKeys(YamlNode map, Set<String> allowed) {
    for (String key : map.map().keySet()) {
      if (!allowed.contains(key)) {
        throw new ConfigException(
            map.keyWhere(key)
                + ": unknown key '"
                + key
                + "'; allowed here: "
                + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  private static void expect(YamlNode node, YamlNode.Kind kind, String what) {
    if (node.kind() != kind) {
      throw ConfigException.at(
          node,
          "expected a "
              + kind.name().toLowerCase(Locale.ROOT)
              + " but found a "
              + node.kind().name().toLowerCase(Locale.ROOT),
          what);
    }
  }

  private static String optionalString(Map<String, YamlNode> m, String key) {
    return m.containsKey(key) ? string(m.get(key), key) : null;
  }

  private static String string(YamlNode node, String key) {
    if (node.kind() != YamlNode.Kind.STRING) {
      throw ConfigException.at(
          node,
          "'" + key + "' must be a string, not a " + node.kind().name().toLowerCase(Locale.ROOT),
          "quote the value");
    }
    return node.text();
  }

  /** Header values may be written as numbers in YAML (access-control-max-age: 600). */
  private static String scalar(YamlNode node, String key) {
    if (node.kind() == YamlNode.Kind.STRING
        || node.kind() == YamlNode.Kind.NUMBER
        || node.kind() == YamlNode.Kind.BOOLEAN) {
      return node.text();
    }
    throw ConfigException.at(node, key + " must be a single value", "quote it");
  }

  private static boolean bool(YamlNode node, String key) {
    if (node.kind() != YamlNode.Kind.BOOLEAN) {
      throw ConfigException.at(
          node, "'" + key + "' must be true or false", "write " + key + ": true");
    }
    return Boolean.parseBoolean(node.text());
  }

  private static List<String> stringList(YamlNode node, String key) {
    if (node.kind() != YamlNode.Kind.LIST) {
      throw ConfigException.at(
          node, "'" + key + "' must be a list", "write it as [a, b] or one '- item' per line");
    }
    List<String> out = new ArrayList<>();
    for (YamlNode item : node.list()) {
      out.add(string(item, key + " item"));
    }
    return out;
  }
}
