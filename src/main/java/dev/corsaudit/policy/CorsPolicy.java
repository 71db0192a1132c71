package dev.corsaudit.policy;

import java.util.List;

/**
 * An endpoint's CORS policy in the vocabulary of a provider that does CORS right (seed 000): what
 * the endpoint should answer, used both to check a live endpoint and to phrase fixes.
 */
public record CorsPolicy(
    List<String> allowOrigins,
    List<String> allowMethods,
    List<String> allowHeaders,
    boolean allowCredentials,
    List<String> exposeHeaders,
    long maxAge) {

  public CorsPolicy {
    allowOrigins = List.copyOf(allowOrigins);
    allowMethods = List.copyOf(allowMethods);
    allowHeaders = List.copyOf(allowHeaders);
    exposeHeaders = List.copyOf(exposeHeaders);
  }
}
