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
  static final String URL_MODE_ORIGIN = "https://example.com";
  private static final String URL_PROFILE = "command-line";

  @Option(
      names = "--providers",
      paramLabel = "FILE",
      description = "Providers file (default: ./providers.yaml, else the copy built into the jar).")
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
      description = "Page origin to audit from, e.g. http://localhost:3000 (repeatable).")
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
    if (path == null && Files.exists(Path.of(DEFAULT_PROVIDERS))) {
      path = Path.of(DEFAULT_PROVIDERS);
    }
    if (path != null) {
      return ProvidersLoader.load(path);
    }
    return builtinFile();
  }

  TargetSelection selection(List<String> only) {
    for (String origin : origins) {
      String problem = dev.corsaudit.config.OriginSyntax.problem(origin);
      if (problem != null) {
        throw new UserException(
            "--origin '"
                + origin
                + "' is not an origin ("
                + problem
                + "); write scheme://host[:port], e.g. https://app.example.com or http://localhost:3000");
      }
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
    return new TargetSelection(only, chosenProfiles, origins, method, extra, mode);
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
        new Provider(
            id,
            dev.corsaudit.result.Redactor.redactUrl(url), // the display name: no secrets
            url,
            "",
            url,
            "POST",
            List.of("fetch"),
            List.of(URL_MODE_ORIGIN),
            CredentialsMode.OMIT,
            null,
            List.of(),
            List.of(),
            null,
            false,
            null,
            false,
            null);
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
