package dev.corsaudit.config;

import java.util.List;
import java.util.Map;

/** A loaded providers.yaml: defaults applied, profiles resolved (built-in ones included). */
public record ProvidersFile(
    Defaults defaults, Map<String, HeaderProfile> profiles, List<Provider> providers) {

  public ProvidersFile {
    profiles = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(profiles));
    providers = List.copyOf(providers);
  }
}
