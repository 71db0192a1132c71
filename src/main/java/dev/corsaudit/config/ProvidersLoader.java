package dev.corsaudit.config;

import dev.corsaudit.model.ConfigException;
import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.YamlNode;
import dev.corsaudit.policy.CorsPolicy;
import dev.corsaudit.policy.PolicyException;
import dev.corsaudit.policy.PolicyParser;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads providers.yaml strictly: an unknown key, a wrong type or a bad URL is an error that names
 * FILE:LINE:COLUMN and what to do, because a typo that silently changes an audit is worse than
 * none.
 */
public final class ProvidersLoader {

  static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

  private static final Set<String> TOP_KEYS = Set.of("defaults", "profiles", "providers");
  private static final Set<String> DEFAULT_KEYS =
      Set.of("origin", "origins", "method", "path", "profiles", "credentials");
  private static final Set<String> PROFILE_KEYS = Set.of("description", "extends", "headers");
  private static final Set<String> PROVIDER_KEYS =
      Set.of(
          "id",
          "name",
          "base_url",
          "path",
          "method",
          "profiles",
          "origins",
          "origin",
          "credentials",
          "notes",
          "models",
          "tracking",
          "replica",
          "replica_only",
          "api_key_env",
          "actual",
          "policy",
          "paths",
          "group",
          "no_replica");
  private static final Set<String> ENDPOINT_KEYS = Set.of("path", "method");

  /** The groups a provider may belong to (the nightly issue lists local servers on their own). */
  public static final List<String> GROUPS = List.of("cloud", "gateway", "local", "demo");

  private ProvidersLoader() {}

  public static ProvidersFile load(Path file) {
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new ConfigException(
            file + ": file is " + (size >> 20) + " MiB; providers files are limited to 10 MiB");
      }
      return parse(file.toString(), Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": no such file; name an existing providers file");
    } catch (MalformedInputException e) {
      throw new ConfigException(file + ": not UTF-8 text; save the file as UTF-8");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")");
    }
  }

  public static ProvidersFile parse(String source, String yaml) {
    if (yaml.length() > MAX_FILE_BYTES) {
      throw new ConfigException(
          source + ": document is larger than 10 MiB; providers files are limited to 10 MiB");
    }
    YamlNode root = readTree(source, yaml);
    if (root == null) {
      throw new ConfigException(source + ":1:1: the file is empty; add a 'providers:' list");
    }
    expect(
        root,
        YamlNode.Kind.MAP,
        "the file must be a mapping with 'defaults', 'profiles' and 'providers'");
    checkKeys(root, TOP_KEYS);

    Defaults defaults =
        root.map().containsKey("defaults")
            ? defaults(root.map().get("defaults"))
            : Defaults.BUILT_IN;
    Map<String, HeaderProfile> profiles = profiles(root.map().get("profiles"));
    YamlNode providersNode = root.map().get("providers");
    if (providersNode == null) {
      throw new ConfigException(root.where() + ": no 'providers:' list; add one (see the README)");
    }
    expect(providersNode, YamlNode.Kind.LIST, "'providers' must be a list of providers");
    List<Provider> providers = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (YamlNode node : providersNode.list()) {
      Provider provider = provider(node, defaults, profiles);
      if (!ids.add(provider.id())) {
        throw ConfigException.at(
            node.map().get("id"),
            "duplicate provider id '" + provider.id() + "'",
            "give each provider a unique id");
      }
      providers.add(provider);
    }
    return new ProvidersFile(defaults, profiles, providers);
  }

  private static YamlNode readTree(String source, String yaml) {
    return YamlNode.parse(source, yaml);
  }

  private static Defaults defaults(YamlNode node) {
    expect(node, YamlNode.Kind.MAP, "'defaults' must be a mapping");
    checkKeys(node, DEFAULT_KEYS);
    Map<String, YamlNode> m = node.map();
    Defaults d = Defaults.BUILT_IN;
    List<String> origins = origins(m, d.origins());
    String method = m.containsKey("method") ? method(m.get("method")) : d.method();
    String path = m.containsKey("path") ? path(m.get("path")) : d.path();
    List<String> profiles =
        m.containsKey("profiles") ? stringList(m.get("profiles"), "profiles") : d.profiles();
    CredentialsMode credentials =
        m.containsKey("credentials") ? credentials(m.get("credentials")) : d.credentials();
    return new Defaults(origins, method, path, profiles, credentials);
  }

  private static Map<String, HeaderProfile> profiles(YamlNode node) {
    Map<String, HeaderProfile> profiles = new LinkedHashMap<>(BuiltinProfiles.all());
    if (node == null) {
      return profiles;
    }
    expect(
        node,
        YamlNode.Kind.MAP,
        "'profiles' must map profile names to {description, extends, headers}");
    // Resolved in file order: a profile may extend a built-in one or one defined above it.
    for (Map.Entry<String, YamlNode> entry : node.map().entrySet()) {
      String name = entry.getKey();
      YamlNode body = entry.getValue();
      expect(
          body,
          YamlNode.Kind.MAP,
          "profile '" + name + "' must be a mapping with description, extends and headers");
      checkKeys(body, PROFILE_KEYS);
      List<HeaderLine> headers = new ArrayList<>();
      YamlNode extendsNode = body.map().get("extends");
      if (extendsNode != null) {
        String parent = string(extendsNode, "extends");
        HeaderProfile base = profiles.get(parent);
        if (base == null) {
          throw ConfigException.at(
              extendsNode,
              "profile '" + name + "' extends unknown profile '" + parent + "'",
              "known profiles: "
                  + String.join(", ", profiles.keySet())
                  + " (define the parent first)");
        }
        headers.addAll(base.headers());
      }
      YamlNode headersNode = body.map().get("headers");
      if (headersNode != null) {
        expect(headersNode, YamlNode.Kind.MAP, "'headers' must map header names to values");
        for (Map.Entry<String, YamlNode> header : headersNode.map().entrySet()) {
          String headerName = header.getKey();
          if (!dev.corsaudit.fetch.FetchMethods.isToken(headerName)) {
            throw new ConfigException(
                headersNode.keyWhere(headerName)
                    + ": '"
                    + headerName
                    + "' is not a valid header name; use letters, digits and -");
          }
          String value = scalarText(header.getValue(), "header " + headerName);
          headers.removeIf(h -> h.hasName(headerName));
          headers.add(new HeaderLine(headerName, value));
        }
      }
      String description =
          body.map().containsKey("description")
              ? string(body.map().get("description"), "description")
              : "";
      profiles.put(name, new HeaderProfile(name, description, headers));
    }
    return profiles;
  }

  private static Provider provider(
      YamlNode node, Defaults defaults, Map<String, HeaderProfile> profiles) {
    expect(
        node, YamlNode.Kind.MAP, "each provider must be a mapping with at least id and base_url");
    checkKeys(node, PROVIDER_KEYS);
    Map<String, YamlNode> m = node.map();
    String id = string(required(node, "id"), "id");
    if (!id.matches("[a-z0-9][a-z0-9._-]*")) {
      throw ConfigException.at(
          m.get("id"),
          "provider id '" + id + "' is not a lower-case slug",
          "use letters, digits, '.', '_' and '-'");
    }
    String name = m.containsKey("name") ? string(m.get("name"), "name") : id;
    YamlNode baseNode = required(node, "base_url");
    String baseUrl = string(baseNode, "base_url");
    checkHttpUrl(baseNode, baseUrl);
    String method = m.containsKey("method") ? method(m.get("method")) : defaults.method();
    List<Endpoint> endpoints = endpoints(m, defaults, method);
    String path = endpoints.get(0).path();
    method = endpoints.get(0).method();
    String url = join(baseUrl, path);
    List<String> profileNames =
        m.containsKey("profiles") ? stringList(m.get("profiles"), "profiles") : defaults.profiles();
    YamlNode profilesNode = m.containsKey("profiles") ? m.get("profiles") : node;
    for (String profile : profileNames) {
      if (!profiles.containsKey(profile)) {
        throw ConfigException.at(
            profilesNode,
            "unknown header profile '" + profile + "'",
            "known profiles: " + String.join(", ", profiles.keySet()));
      }
    }
    List<String> origins = origins(m, defaults.origins());
    CredentialsMode credentials =
        m.containsKey("credentials") ? credentials(m.get("credentials")) : defaults.credentials();
    String notes = m.containsKey("notes") ? string(m.get("notes"), "notes") : null;
    List<String> models =
        m.containsKey("models") ? stringList(m.get("models"), "models") : List.of();
    List<String> tracking =
        m.containsKey("tracking") ? stringList(m.get("tracking"), "tracking") : List.of();
    String replica = m.containsKey("replica") ? string(m.get("replica"), "replica") : null;
    boolean replicaOnly =
        m.containsKey("replica_only") && bool(m.get("replica_only"), "replica_only");
    if (replicaOnly && replica == null) {
      throw ConfigException.at(
          m.get("replica_only"),
          "replica_only is set but no replica is named",
          "add replica: <id>");
    }
    String apiKeyEnv =
        m.containsKey("api_key_env") ? string(m.get("api_key_env"), "api_key_env") : null;
    if (apiKeyEnv != null && !apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw ConfigException.at(
          m.get("api_key_env"),
          "api_key_env must name an environment variable, not hold a key",
          "write the variable's name, e.g. OPENAI_API_KEY, and export the key in your shell");
    }
    boolean actual = m.containsKey("actual") && bool(m.get("actual"), "actual");
    String group = null;
    if (m.containsKey("group")) {
      group = string(m.get("group"), "group");
      if (!GROUPS.contains(group)) {
        throw ConfigException.at(
            m.get("group"),
            "group '" + group + "' is not a known group",
            "use one of " + String.join(", ", GROUPS));
      }
    }
    String noReplica = null;
    if (m.containsKey("no_replica")) {
      noReplica = string(m.get("no_replica"), "no_replica");
      if (replica != null) {
        throw ConfigException.at(
            m.get("no_replica"),
            "both 'replica' and 'no_replica' are set",
            "keep replica, or drop it and say in no_replica why there is none");
      }
      if (noReplica.isBlank()) {
        throw ConfigException.at(
            m.get("no_replica"),
            "'no_replica' is empty",
            "say why there is no replica, e.g. no public evidence of its answer; run live");
      }
    }
    CorsPolicy policy = null;
    if (m.containsKey("policy")) {
      YamlNode policyNode = m.get("policy");
      try {
        policy = PolicyParser.parse(policyNode.toJson());
      } catch (PolicyException e) {
        throw new ConfigException(policyNode.where() + ": invalid policy: " + e.getMessage());
      }
    }
    return new Provider(
        id,
        name,
        baseUrl,
        path,
        url,
        method,
        profileNames,
        origins,
        credentials,
        notes,
        models,
        tracking,
        replica,
        replicaOnly,
        apiKeyEnv,
        actual,
        policy,
        group,
        noReplica,
        endpoints);
  }

  /** 'path' (one) or 'paths' (several, each a path or {path, method}); the default otherwise. */
  private static List<Endpoint> endpoints(
      Map<String, YamlNode> m, Defaults defaults, String method) {
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
        checkKeys(item, ENDPOINT_KEYS);
        YamlNode pathNode = required(item, "path");
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

  private static List<String> origins(Map<String, YamlNode> m, List<String> fallback) {
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
      origins = stringList(at, "origins");
    } else if (m.containsKey("origin")) {
      at = m.get("origin");
      origins = List.of(string(at, "origin"));
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

  private static String method(YamlNode node) {
    String method = string(node, "method");
    if (!dev.corsaudit.fetch.FetchMethods.isToken(method)) {
      throw ConfigException.at(
          node, "'" + method + "' is not an HTTP method", "use e.g. POST or GET");
    }
    return method;
  }

  private static String path(YamlNode node) {
    String path = string(node, "path");
    if (!path.isEmpty() && !path.startsWith("/")) {
      throw ConfigException.at(
          node, "path '" + path + "' must start with '/'", "write it as /chat/completions");
    }
    return path;
  }

  private static CredentialsMode credentials(YamlNode node) {
    String text = string(node, "credentials");
    try {
      return CredentialsMode.parse(text);
    } catch (IllegalArgumentException e) {
      throw ConfigException.at(
          node,
          "credentials '" + text + "' is not a fetch() credentials mode",
          "use omit or include");
    }
  }

  private static void checkHttpUrl(YamlNode node, String url) {
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
                + String.join(", ", new java.util.TreeSet<>(allowed)));
      }
    }
  }

  private static void expect(YamlNode node, YamlNode.Kind kind, String what) {
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

  private static String string(YamlNode node, String key) {
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
  private static String scalarText(YamlNode node, String key) {
    if (node.kind() == YamlNode.Kind.STRING
        || node.kind() == YamlNode.Kind.NUMBER
        || node.kind() == YamlNode.Kind.BOOLEAN) {
      return node.text();
    }
    throw ConfigException.at(node, key + " must be a single value", "write Name: value");
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
