package dev.corsaudit.config;

import dev.corsaudit.model.ConfigException;
import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.YamlNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A provider's endpoint fields: paths, methods, origins, credentials and URLs. */
final class EndpointFields {

  private static final Set<String> ENDPOINT_KEYS = Set.of("path", "method");

  private EndpointFields() {}

  /** 'path' (one) or 'paths' (several, each a path or {path, method}); the default otherwise. */
  static List<Endpoint> endpoints(Map<String, YamlNode> m, Defaults defaults, String method) {
    if (m.containsKey("path") && m.containsKey("paths")) {
      throw ConfigException.at(
          m.get("paths"), "both 'path' and 'paths' are set", "keep one (paths takes a list)");
    }
    if (!m.containsKey("paths")) {
      String path = m.containsKey("path") ? path(m.get("path")) : defaults.path();
      return List.of(new Endpoint(path, method));
    }
    YamlNode list = m.get("paths");
    if (list.kind() != YamlNode.Kind.LIST || list.list().isEmpty()) {
      throw ConfigException.at(
          list,
          "'paths' must be a non-empty list",
          "write e.g. [/chat/completions, {path: /models, method: GET}]");
    }
    List<Endpoint> endpoints = new ArrayList<>();
    for (YamlNode item : list.list()) {
      Endpoint endpoint;
      if (item.kind() == YamlNode.Kind.MAP) {
        YamlFields.checkKeys(item, ENDPOINT_KEYS);
        YamlNode pathNode = YamlFields.required(item, "path");
        endpoint =
            new Endpoint(
                path(pathNode),
                item.map().containsKey("method") ? method(item.map().get("method")) : method);
      } else {
        endpoint = new Endpoint(path(item), method);
      }
      if (endpoints.contains(endpoint)) {
        throw ConfigException.at(
            item,
            "'" + endpoint.method() + " " + endpoint.path() + "' is listed twice",
            "list each path and method once");
      }
      endpoints.add(endpoint);
    }
    return endpoints;
  }

  static List<String> origins(Map<String, YamlNode> m, List<String> fallback) {
    if (m.containsKey("origin") && m.containsKey("origins")) {
      throw ConfigException.at(
          m.get("origin"),
          "both 'origin' and 'origins' are set",
          "keep one (origins takes a list)");
    }
    List<String> origins;
    YamlNode at;
    if (m.containsKey("origins")) {
      at = m.get("origins");
      origins = YamlFields.stringList(at, "origins");
    } else if (m.containsKey("origin")) {
      at = m.get("origin");
      origins = List.of(YamlFields.string(at, "origin"));
    } else {
      return fallback;
    }
    if (origins.isEmpty()) {
      throw ConfigException.at(
          at, "'origins' is empty", "list at least one page origin, e.g. https://app.example.com");
    }
    for (String origin : origins) {
      String problem = OriginSyntax.problem(origin);
      if (problem != null) {
        throw ConfigException.at(
            at,
            "'" + origin + "' is not an origin (" + problem + ")",
            "write scheme://host[:port] without a path, e.g. https://app.example.com, or null");
      }
    }
    return origins;
  }

  static String method(YamlNode node) {
    String method = YamlFields.string(node, "method");
    if (!dev.corsaudit.fetch.FetchMethods.isToken(method)) {
      throw ConfigException.at(
          node, "'" + method + "' is not an HTTP method", "use e.g. POST or GET");
    }
    return method;
  }

  static String path(YamlNode node) {
    String path = YamlFields.string(node, "path");
    if (!path.isEmpty() && !path.startsWith("/")) {
      throw ConfigException.at(
          node, "path '" + path + "' must start with '/'", "write it as /chat/completions");
    }
    return path;
  }

  static CredentialsMode credentials(YamlNode node) {
    String text = YamlFields.string(node, "credentials");
    try {
      return CredentialsMode.parse(text);
    } catch (IllegalArgumentException e) {
      throw ConfigException.at(
          node,
          "credentials '" + text + "' is not a fetch() credentials mode",
          "use omit or include");
    }
  }

  static void checkHttpUrl(YamlNode node, String url) {
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
        throw new java.net.URISyntaxException(url, "not an absolute http(s) URL");
      }
    } catch (java.net.URISyntaxException e) {
      throw ConfigException.at(
          node,
          "base_url '" + url + "' is not an absolute http:// or https:// URL",
          "write it like https://api.example.com/v1");
    }
  }

  static String join(String baseUrl, String path) {
    if (path.isEmpty()) {
      return baseUrl;
    }
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return base + path;
  }
}
