package dev.corsaudit.config;

import dev.corsaudit.model.BoundedInput;
import dev.corsaudit.model.ConfigException;
import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.YamlNode;
import dev.corsaudit.policy.CorsPolicy;
import dev.corsaudit.policy.PolicyException;
import dev.corsaudit.policy.PolicyParser;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
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

  /** The groups a provider may belong to (the nightly issue lists local servers on their own). */
  public static final List<String> GROUPS = List.of("cloud", "gateway", "local", "demo");

  private ProvidersLoader() {}

  public static ProvidersFile load(Path file) {
    try {
      // The cap holds while reading: a FIFO or /dev/zero stops at 10 MiB, Files.size would not.
      return parse(file.toString(), BoundedInput.readString(file, MAX_FILE_BYTES));
    } catch (BoundedInput.TooLargeException e) {
      throw new ConfigException(
          file + ": file is larger than 10 MiB; providers files are limited to 10 MiB");
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
    YamlFields.expect(
        root,
        YamlNode.Kind.MAP,
        "the file must be a mapping with 'defaults', 'profiles' and 'providers'");
    YamlFields.checkKeys(root, TOP_KEYS);

    Defaults defaults =
        root.map().containsKey("defaults")
            ? defaults(root.map().get("defaults"))
            : Defaults.BUILT_IN;
    Map<String, HeaderProfile> profiles = profiles(root.map().get("profiles"));
    YamlNode providersNode = root.map().get("providers");
    if (providersNode == null) {
      throw new ConfigException(root.where() + ": no 'providers:' list; add one (see the README)");
    }
    YamlFields.expect(providersNode, YamlNode.Kind.LIST, "'providers' must be a list of providers");
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
    YamlFields.expect(node, YamlNode.Kind.MAP, "'defaults' must be a mapping");
    YamlFields.checkKeys(node, DEFAULT_KEYS);
    Map<String, YamlNode> m = node.map();
    Defaults d = Defaults.BUILT_IN;
    List<String> origins = EndpointFields.origins(m, d.origins());
    String method = m.containsKey("method") ? EndpointFields.method(m.get("method")) : d.method();
    String path = m.containsKey("path") ? EndpointFields.path(m.get("path")) : d.path();
    List<String> profiles =
        m.containsKey("profiles")
            ? YamlFields.stringList(m.get("profiles"), "profiles")
            : d.profiles();
    CredentialsMode credentials =
        m.containsKey("credentials")
            ? EndpointFields.credentials(m.get("credentials"))
            : d.credentials();
    return new Defaults(origins, method, path, profiles, credentials);
  }

  private static Map<String, HeaderProfile> profiles(YamlNode node) {
    Map<String, HeaderProfile> profiles = new LinkedHashMap<>(BuiltinProfiles.all());
    if (node == null) {
      return profiles;
    }
    YamlFields.expect(
        node,
        YamlNode.Kind.MAP,
        "'profiles' must map profile names to {description, extends, headers}");
    // Resolved in file order: a profile may extend a built-in one or one defined above it.
    for (Map.Entry<String, YamlNode> entry : node.map().entrySet()) {
      String name = entry.getKey();
      YamlNode body = entry.getValue();
      YamlFields.expect(
          body,
          YamlNode.Kind.MAP,
          "profile '" + name + "' must be a mapping with description, extends and headers");
      YamlFields.checkKeys(body, PROFILE_KEYS);
      List<HeaderLine> headers = new ArrayList<>();
      YamlNode extendsNode = body.map().get("extends");
      if (extendsNode != null) {
        String parent = YamlFields.string(extendsNode, "extends");
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
        YamlFields.expect(
            headersNode, YamlNode.Kind.MAP, "'headers' must map header names to values");
        for (Map.Entry<String, YamlNode> header : headersNode.map().entrySet()) {
          String headerName = header.getKey();
          if (!dev.corsaudit.fetch.FetchMethods.isToken(headerName)) {
            throw new ConfigException(
                headersNode.keyWhere(headerName)
                    + ": '"
                    + headerName
                    + "' is not a valid header name; use letters, digits and -");
          }
          String value = YamlFields.scalarText(header.getValue(), "header " + headerName);
          headers.removeIf(h -> h.hasName(headerName));
          headers.add(new HeaderLine(headerName, value));
        }
      }
      String description =
          body.map().containsKey("description")
              ? YamlFields.string(body.map().get("description"), "description")
              : "";
      profiles.put(name, new HeaderProfile(name, description, headers));
    }
    return profiles;
  }

  private static Provider provider(
      YamlNode node, Defaults defaults, Map<String, HeaderProfile> profiles) {
    YamlFields.expect(
        node, YamlNode.Kind.MAP, "each provider must be a mapping with at least id and base_url");
    YamlFields.checkKeys(node, PROVIDER_KEYS);
    Map<String, YamlNode> m = node.map();
    String id = YamlFields.string(YamlFields.required(node, "id"), "id");
    if (!id.matches("[a-z0-9][a-z0-9._-]*")) {
      throw ConfigException.at(
          m.get("id"),
          "provider id '" + id + "' is not a lower-case slug",
          "use letters, digits, '.', '_' and '-'");
    }
    String name = m.containsKey("name") ? YamlFields.string(m.get("name"), "name") : id;
    YamlNode baseNode = YamlFields.required(node, "base_url");
    String baseUrl = YamlFields.string(baseNode, "base_url");
    EndpointFields.checkHttpUrl(baseNode, baseUrl);
    String method =
        m.containsKey("method") ? EndpointFields.method(m.get("method")) : defaults.method();
    List<Endpoint> endpoints = EndpointFields.endpoints(m, defaults, method);
    String path = endpoints.get(0).path();
    method = endpoints.get(0).method();
    String url = EndpointFields.join(baseUrl, path);
    List<String> profileNames =
        m.containsKey("profiles")
            ? YamlFields.stringList(m.get("profiles"), "profiles")
            : defaults.profiles();
    YamlNode profilesNode = m.containsKey("profiles") ? m.get("profiles") : node;
    for (String profile : profileNames) {
      if (!profiles.containsKey(profile)) {
        throw ConfigException.at(
            profilesNode,
            "unknown header profile '" + profile + "'",
            "known profiles: " + String.join(", ", profiles.keySet()));
      }
    }
    List<String> origins = EndpointFields.origins(m, defaults.origins());
    CredentialsMode credentials =
        m.containsKey("credentials")
            ? EndpointFields.credentials(m.get("credentials"))
            : defaults.credentials();
    String notes = m.containsKey("notes") ? YamlFields.string(m.get("notes"), "notes") : null;
    List<String> models =
        m.containsKey("models") ? YamlFields.stringList(m.get("models"), "models") : List.of();
    List<String> tracking =
        m.containsKey("tracking")
            ? YamlFields.stringList(m.get("tracking"), "tracking")
            : List.of();
    String replica =
        m.containsKey("replica") ? YamlFields.string(m.get("replica"), "replica") : null;
    boolean replicaOnly =
        m.containsKey("replica_only") && YamlFields.bool(m.get("replica_only"), "replica_only");
    if (replicaOnly && replica == null) {
      throw ConfigException.at(
          m.get("replica_only"),
          "replica_only is set but no replica is named",
          "add replica: <id>");
    }
    String apiKeyEnv =
        m.containsKey("api_key_env")
            ? YamlFields.string(m.get("api_key_env"), "api_key_env")
            : null;
    if (apiKeyEnv != null && !apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw ConfigException.at(
          m.get("api_key_env"),
          "api_key_env must name an environment variable, not hold a key",
          "write the variable's name, e.g. OPENAI_API_KEY, and export the key in your shell");
    }
    boolean actual = m.containsKey("actual") && YamlFields.bool(m.get("actual"), "actual");
    String group = null;
    if (m.containsKey("group")) {
      group = YamlFields.string(m.get("group"), "group");
      if (!GROUPS.contains(group)) {
        throw ConfigException.at(
            m.get("group"),
            "group '" + group + "' is not a known group",
            "use one of " + String.join(", ", GROUPS));
      }
    }
    String noReplica = null;
    if (m.containsKey("no_replica")) {
      noReplica = YamlFields.string(m.get("no_replica"), "no_replica");
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
}
