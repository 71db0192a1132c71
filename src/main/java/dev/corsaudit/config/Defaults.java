package dev.corsaudit.config;

import dev.corsaudit.model.CredentialsMode;
import java.util.List;

/** The top of providers.yaml: what every provider gets unless it says otherwise. */
public record Defaults(
    List<String> origins,
    String method,
    String path,
    List<String> profiles,
    CredentialsMode credentials) {

  public static final Defaults BUILT_IN =
      new Defaults(
          List.of("https://example.com"),
          "POST",
          "/chat/completions",
          List.of("fetch"),
          CredentialsMode.OMIT);

  public Defaults {
    origins = List.copyOf(origins);
    profiles = List.copyOf(profiles);
  }
}
