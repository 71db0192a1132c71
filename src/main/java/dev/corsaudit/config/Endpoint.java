package dev.corsaudit.config;

/**
 * One request a provider's page makes: a path below the base URL and its method.
 *
 * @param path appended to the provider's base_url ("" for the base URL itself)
 */
public record Endpoint(String path, String method) {}
