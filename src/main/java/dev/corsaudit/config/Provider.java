package dev.corsaudit.config;

import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.policy.CorsPolicy;
import java.util.List;

/**
 * One LLM API endpoint to audit, as declared in providers.yaml (defaults already applied).
 *
 * @param url the full URL a browser app calls: base URL joined with the path
 * @param profiles names of the header profiles to audit with
 * @param origins the page origins to audit from
 * @param credentials fetch()'s credentials mode for this provider's requests
 * @param tracking links to the provider's issue tracker threads about CORS
 * @param replica the replica that reproduces this provider offline, or null when there is none
 * @param replicaOnly a demonstration endpoint that exists only as a replica (skipped in live runs)
 * @param apiKeyEnv name of the environment variable holding a real API key for --actual, or null
 * @param actual whether to also send the actual request after a passing preflight
 * @param policy the CORS policy the endpoint is expected to follow, or null
 * @param group cloud, gateway, local or demo (null when not given)
 * @param noReplica why the provider has no replica (e.g. no public evidence of its answer), or null
 * @param endpoints every path (and method) the provider is audited on, in file order; {@code path},
 *     {@code url} and {@code method} are the first of them, or the one a row audits (see {@link
 *     #at})
 * @param where where the provider's entry starts in its providers file (FILE:LINE:COLUMN), or null
 *     for a provider not read from a file (SARIF results point there)
 */
public record Provider(
    String id,
    String name,
    String baseUrl,
    String path,
    String url,
    String method,
    List<String> profiles,
    List<String> origins,
    CredentialsMode credentials,
    String notes,
    List<String> models,
    List<String> tracking,
    String replica,
    boolean replicaOnly,
    String apiKeyEnv,
    boolean actual,
    CorsPolicy policy,
    String group,
    String noReplica,
    List<Endpoint> endpoints,
    String where) {

  public Provider {
    profiles = List.copyOf(profiles);
    origins = List.copyOf(origins);
    models = List.copyOf(models);
    tracking = List.copyOf(tracking);
    endpoints =
        endpoints == null || endpoints.isEmpty()
            ? List.of(new Endpoint(path, method))
            : List.copyOf(endpoints);
  }

  /**
   * A provider not read from a file, with the built-in defaults for what is not set (see {@link
   * ProviderBuilder}).
   */
  public static ProviderBuilder builder(String id, String baseUrl) {
    return new ProviderBuilder(id, baseUrl);
  }

  /** Whether the provider is audited on more than one path, each its own report row. */
  public boolean multiPath() {
    return endpoints.size() > 1;
  }

  /**
   * The path that is part of a row's key: null for a provider with one path, so its rows keep the
   * key (id, profile, origin) they had before providers could list several paths.
   */
  public String rowPath() {
    return multiPath() ? path : null;
  }

  /** This provider as audited on one of its endpoints: path, url and method set to it. */
  public Provider at(Endpoint endpoint) {
    return new Provider(
        id,
        name,
        baseUrl,
        endpoint.path(),
        EndpointFields.join(baseUrl, endpoint.path()),
        endpoint.method(),
        profiles,
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
        endpoints,
        where);
  }

  /** The providers file and line of {@link #where}, or null when it has none. */
  public String file() {
    int line = where == null ? -1 : where.lastIndexOf(':', where.lastIndexOf(':') - 1);
    return line <= 0 ? null : where.substring(0, line);
  }

  /** The line of {@link #where} (1-based), or 0 when it has none. */
  public int line() {
    if (file() == null) {
      return 0;
    }
    String[] parts = where.substring(file().length() + 1).split(":");
    try {
      return Integer.parseInt(parts[0]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
