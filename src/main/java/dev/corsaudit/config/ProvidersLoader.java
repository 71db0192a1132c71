package dev.corsaudit.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.corsaudit.BoundedInput;
import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.policy.CorsPolicy;
import dev.corsaudit.policy.PolicyException;
import dev.corsaudit.policy.PolicyParser;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.MalformedInputException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

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
          "policy");

  private ProvidersLoader() {}

  public static ProvidersFile load(Path file) {
    try {
      // The cap holds while reading: a FIFO or /dev/zero stops at 10 MiB, Files.size would not.
      return parse(file.toString(), BoundedInput.readString(file, MAX_FILE_BYTES));
    } catch (BoundedInput.TooLargeException e) {
      throw new ConfigException(
          file + ": file is larger than 10 MiB; providers files are limited to 10 MiB");
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": no such file; pass an existing file with --providers");
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
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(50); // refuses "billion laughs" alias bombs
    options.setCodePointLimit((int) MAX_FILE_BYTES);
    options.setNestingDepthLimit(64);
    YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
    try (JsonParser parser = factory.createParser(yaml)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return null;
      }
      YamlNode root = YamlNode.read(parser, source, 0);
      if (parser.nextToken() != null) {
        throw new ConfigException(
            YamlNode.location(source, parser.currentTokenLocation())
                + ": more than one YAML document; keep a single document");
      }
      return root;
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage().lines().findFirst().orElse("invalid YAML").strip();
      if (message.toLowerCase(java.util.Locale.ROOT).contains("alias")) {
        message = "too many YAML aliases (" + message + "); expand them or split the file";
      }
      var loc = e.getLocation();
      String where = loc == null ? source : YamlNode.location(source, loc);
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
    String path = m.containsKey("path") ? path(m.get("path")) : defaults.path();
    String url = join(baseUrl, path);
    String method = m.containsKey("method") ? method(m.get("method")) : defaults.method();
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
        policy);
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
