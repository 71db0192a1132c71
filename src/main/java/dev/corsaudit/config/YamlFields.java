package dev.corsaudit.config;

import dev.corsaudit.model.ConfigException;
import dev.corsaudit.model.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Typed reads of providers.yaml fields, each problem a located {@link ConfigException}. */
final class YamlFields {

  private YamlFields() {}

  static YamlNode required(YamlNode map, String key) {
    YamlNode value = map.map().get(key);
    if (value == null) {
      throw ConfigException.at(map, "missing required key '" + key + "'", "add " + key + ": ...");
    }
    return value;
  }

  static void checkKeys(YamlNode map, Set<String> allowed) {
    for (String key : map.map().keySet()) {
      if (!allowed.contains(key)) {
        throw new ConfigException(
            map.keyWhere(key)
                + ": unknown key '"
                + key
                + "'; allowed here: "
                + String.join(", ", new java.util.TreeSet<>(allowed)));
      }
    }
  }

  static void expect(YamlNode node, YamlNode.Kind kind, String what) {
    if (node.kind() != kind) {
      throw ConfigException.at(
          node,
          "expected a "
              + kind.name().toLowerCase(java.util.Locale.ROOT)
              + " but found a "
              + node.kind().name().toLowerCase(java.util.Locale.ROOT),
          what);
    }
  }

  static String string(YamlNode node, String key) {
    if (node.kind() != YamlNode.Kind.STRING) {
      throw ConfigException.at(
          node,
          "'"
              + key
              + "' must be a string, not a "
              + node.kind().name().toLowerCase(java.util.Locale.ROOT),
          "quote the value if needed");
    }
    return node.text();
  }

  /** Header values may be written as numbers or booleans in YAML (X-Stainless-Retry-Count: 0). */
  static String scalarText(YamlNode node, String key) {
    if (node.kind() == YamlNode.Kind.STRING
        || node.kind() == YamlNode.Kind.NUMBER
        || node.kind() == YamlNode.Kind.BOOLEAN) {
      return node.text();
    }
    throw ConfigException.at(node, key + " must be a single value", "write Name: value");
  }

  static boolean bool(YamlNode node, String key) {
    if (node.kind() != YamlNode.Kind.BOOLEAN) {
      throw ConfigException.at(
          node, "'" + key + "' must be true or false", "write " + key + ": true");
    }
    return Boolean.parseBoolean(node.text());
  }

  static List<String> stringList(YamlNode node, String key) {
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
