package dev.corsaudit.config;

import java.util.List;

/**
 * One LLM API endpoint to audit, as declared in providers.yaml (defaults already applied).
 *
 * @param url the full URL a browser app calls: base URL joined with the path
 * @param profiles names of the header profiles to audit with
 * @param origins the page origins to audit from
 * @param replica the replica that reproduces this provider offline, or null when there is none
 * @param tracking links to the provider's issue tracker threads about CORS
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
    String notes,
    List<String> models,
    List<String> tracking,
    String replica) {

  public Provider {
    profiles = List.copyOf(profiles);
    origins = List.copyOf(origins);
    models = List.copyOf(models);
    tracking = List.copyOf(tracking);
  }
}
