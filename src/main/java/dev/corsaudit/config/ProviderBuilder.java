package dev.corsaudit.config;

import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.policy.CorsPolicy;
import java.util.List;

/**
 * A {@link Provider} not read from a providers file (the one {@code --url} stands for, and tests'),
 * with what the file's built-in defaults give a provider that declares nothing else ({@link
 * Defaults#BUILT_IN}): POST to /chat/completions with the {@code fetch} profile from
 * https://example.com, credentials omitted, no replica, no location. Each setter names the field of
 * providers.yaml it stands for.
 */
public final class ProviderBuilder {

  private final String id;
  private final String baseUrl;
  private String name;
  private String path = Defaults.BUILT_IN.path();
  private String method = Defaults.BUILT_IN.method();
  private List<String> profiles = Defaults.BUILT_IN.profiles();
  private List<String> origins = Defaults.BUILT_IN.origins();
  private CredentialsMode credentials = Defaults.BUILT_IN.credentials();
  private String notes;
  private List<String> models = List.of();
  private List<String> tracking = List.of();
  private String replica;
  private boolean actual;
  private CorsPolicy policy;
  private List<Endpoint> endpoints;

  ProviderBuilder(String id, String baseUrl) {
    this.id = id;
    this.baseUrl = baseUrl;
    this.name = id;
  }

  public ProviderBuilder name(String name) {
    this.name = name;
    return this;
  }

  /** The path joined to the base URL ("" for the base URL itself). */
  public ProviderBuilder path(String path) {
    this.path = path;
    return this;
  }

  public ProviderBuilder method(String method) {
    this.method = method;
    return this;
  }

  public ProviderBuilder profiles(List<String> profiles) {
    this.profiles = profiles;
    return this;
  }

  public ProviderBuilder origins(List<String> origins) {
    this.origins = origins;
    return this;
  }

  public ProviderBuilder credentials(CredentialsMode credentials) {
    this.credentials = credentials;
    return this;
  }

  public ProviderBuilder notes(String notes) {
    this.notes = notes;
    return this;
  }

  public ProviderBuilder models(List<String> models) {
    this.models = models;
    return this;
  }

  public ProviderBuilder tracking(List<String> tracking) {
    this.tracking = tracking;
    return this;
  }

  public ProviderBuilder replica(String replica) {
    this.replica = replica;
    return this;
  }

  public ProviderBuilder actual(boolean actual) {
    this.actual = actual;
    return this;
  }

  public ProviderBuilder policy(CorsPolicy policy) {
    this.policy = policy;
    return this;
  }

  /** Every path the provider is audited on; the first is also {@link #path}'s and the method's. */
  public ProviderBuilder endpoints(List<Endpoint> endpoints) {
    this.endpoints = endpoints;
    this.path = endpoints.get(0).path();
    this.method = endpoints.get(0).method();
    return this;
  }

  public Provider build() {
    return new Provider(
        id,
        name,
        baseUrl,
        path,
        EndpointFields.join(baseUrl, path),
        method,
        profiles,
        origins,
        credentials,
        notes,
        models,
        tracking,
        replica,
        false,
        null,
        actual,
        policy,
        null,
        null,
        endpoints,
        null);
  }
}
