package dev.corsaudit.cli;

import dev.corsaudit.audit.TargetSelection;
import dev.corsaudit.config.BuiltinProfiles;
import dev.corsaudit.config.HeaderProfile;
import dev.corsaudit.config.Provider;
import dev.corsaudit.config.ProvidersFile;
import dev.corsaudit.config.ProvidersLoader;
import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.UserException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** What to audit and the request a page makes: shared by check, report and evidence. */
public final class TargetOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  static final String DEFAULT_PROVIDERS = "providers.yaml";
  static final String PROVIDERS_ENV = "CORS_AUDIT_PROVIDERS";
  static final String URL_MODE_ORIGIN = "https://example.com";
  private static final String URL_PROFILE = "command-line";

  @Option(
      names = "--providers",
      paramLabel = "FILE",
      description =
          "Providers file, or - for standard input (default: $CORS_AUDIT_PROVIDERS, else"
              + " ./providers.yaml, else the copy built into cors-audit). The file used is said"
              + " on stderr.")
  Path providersFile;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description =
          "Audit this one endpoint instead of a providers file. Its request headers are exactly those"
              + " of --header (plus --profile's); with neither, the 'fetch' profile.")
  String url;

  @Option(
      names = "--origin",
      paramLabel = "ORIGIN",
      description =
          "Page origin to audit from (repeatable); for example http://localhost:3000 or"
              + " https://app.example.com. Written as a browser serialises it.")
  List<String> origins = new ArrayList<>();

  @Option(
      names = "--method",
      paramLabel = "M",
      description = "Request method (default: the provider's, POST).")
  String method;

  @Option(
      names = {"-H", "--header"},
      paramLabel = "'Name: value'",
      converter = HeaderConverter.class,
      description =
          "Request header the page sets (repeatable); replaces a profile header of that name.")
  List<HeaderLine> headers = new ArrayList<>();

  @Option(
      names = "--profile",
      split = ",",
      paramLabel = "NAME",
      description =
          "Header profile(s) to audit with instead of each provider's own: fetch, openai-sdk,"
              + " anthropic-sdk, openrouter, or one defined in providers.yaml.")
  List<String> profiles = new ArrayList<>();

  @Option(
      names = "--credentials",
      paramLabel = "MODE",
      description = "fetch() credentials mode: omit (default) or include.")
  String credentials;

  @Option(
      names = "--stream",
      description =
          "With --actual: ask for a streamed answer (\"stream\": true, text/event-stream), as chat UIs do.")
  boolean stream;

  @Option(
      names = "--replicas",
      description =
          "Probe the built-in loopback replicas of the providers instead of the real ones (offline).")
  boolean replicas;

  ProvidersFile load() {
    if (url != null && providersFile != null) {
      throw new ParameterException(
          spec.commandLine(),
          "--providers and --url cannot be used together: --url audits one endpoint without a"
              + " providers file");
    }
    if (url != null) {
      return urlModeFile();
    }
    Path path = providersFile;
    String from = "--providers";
    if (path == null) {
      String env = Terminal.env.get(PROVIDERS_ENV);
      if (env != null && !env.isBlank()) {
        path = Path.of(env);
        from = PROVIDERS_ENV;
      }
    }
    if (path != null && path.toString().equals("-")) {
      return stdinFile();
    }
    if (path == null && Files.exists(Path.of(DEFAULT_PROVIDERS))) {
      path = Path.of(DEFAULT_PROVIDERS);
      from = "the current directory";
    }
    if (path != null) {
      ProvidersFile file = ProvidersLoader.load(path);
      if (!from.equals("--providers")) {
        // Named on the command line, it needs no echo; found by looking (the current directory,
        // the environment), which file it was is said once.
        said("providers: " + path + " (from " + from + ")");
      }
      return file;
    }
    ProvidersFile builtin = builtinFile();
    said("providers: the copy built into cors-audit (no ./providers.yaml here)");
    return builtin;
  }

  /**
   * Which providers file is used, said once on stderr (--quiet only silences the progress line).
   */
  private void said(String line) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("cors-audit: " + line);
    err.flush();
  }

  private static ProvidersFile stdinFile() {
    try {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      InputStream in = System.in;
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        bytes.write(buffer, 0, n);
        if (bytes.size() > dev.corsaudit.model.YamlNode.MAX_BYTES) {
          throw new UserException(
              "standard input is larger than 10 MiB; providers files are limited to 10 MiB");
        }
      }
      return ProvidersLoader.parse(
          "(stdin)", new String(bytes.toByteArray(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UserException("cannot read standard input: " + e.getMessage());
    }
  }

  TargetSelection selection(List<String> only) {
    List<String> serialised = new ArrayList<>();
    for (String origin : origins) {
      String origin2 = dev.corsaudit.config.OriginSerialiser.serialise(origin);
      if (!origin2.equals(origin)) {
        // Said once, so the report's ORIGIN column and the fix advice are not a surprise.
        spec.commandLine()
            .getErr()
            .println(
                "cors-audit: origin " + origin + " is sent as " + origin2 + " (as a browser does)");
        spec.commandLine().getErr().flush();
      }
      if (!serialised.contains(origin2)) {
        serialised.add(origin2);
      }
    }
    if (method != null && !dev.corsaudit.model.HttpTokens.isToken(method)) {
      throw new ParameterException(
          spec.commandLine(),
          "--method '"
              + method
              + "' is not an HTTP method (a token: letters, digits and !#$%&'*+-.^_`|~, no spaces);"
              + " fetch() would throw a TypeError");
    }
    CredentialsMode mode = null;
    if (credentials != null) {
      try {
        mode = CredentialsMode.parse(credentials);
      } catch (IllegalArgumentException e) {
        throw new UserException("--credentials: " + e.getMessage());
      }
    }
    List<String> chosenProfiles = profiles;
    List<HeaderLine> extra = headers;
    if (url != null && profiles.isEmpty()) {
      // --url: the headers given are the whole request; the fetch profile only when none are.
      chosenProfiles = List.of(headers.isEmpty() ? "fetch" : URL_PROFILE);
      extra = List.of();
    }
    return new TargetSelection(only, chosenProfiles, serialised, method, extra, mode);
  }

  private ProvidersFile urlModeFile() {
    try {
      URI uri = URI.create(url);
      if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().matches("https?")) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
    } catch (IllegalArgumentException e) {
      throw new UserException("--url '" + url + "' is not an absolute http:// or https:// URL");
    }
    Map<String, HeaderProfile> known = new LinkedHashMap<>(BuiltinProfiles.all());
    known.put(URL_PROFILE, new HeaderProfile(URL_PROFILE, "the --header options", headers));
    String id = URI.create(url).getHost();
    Provider provider =
        Provider.builder(id, url)
            .name(dev.corsaudit.result.Redactor.redactUrl(url)) // the display name: no secrets
            .path("")
            .origins(List.of(URL_MODE_ORIGIN))
            .build();
    return new ProvidersFile(null, known, List.of(provider));
  }

  private static ProvidersFile builtinFile() {
    try (InputStream in = TargetOptions.class.getResourceAsStream("/builtin/providers.yaml")) {
      if (in == null) {
        throw new UserException(
            "no providers.yaml in the current directory; pass --providers FILE or --url URL");
      }
      return ProvidersLoader.parse(
          "(built-in) providers.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UserException("cannot read the built-in providers.yaml: " + e.getMessage());
    }
  }
}
