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
    CorsPolicy policy) {

  public Provider {
    profiles = List.copyOf(profiles);
    origins = List.copyOf(origins);
    models = List.copyOf(models);
    tracking = List.copyOf(tracking);
  }
}
