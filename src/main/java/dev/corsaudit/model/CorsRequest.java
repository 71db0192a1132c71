package dev.corsaudit.model;

import java.util.List;
import java.util.Objects;

/**
 * The cross-origin request a page would make with fetch(): what the browser is asked to do, before
 * it decides whether a preflight is needed. Header values are the ones the page (or its SDK) sets.
 *
 * @param url the absolute URL the page fetches
 * @param origin the page's serialized origin, e.g. {@code https://app.example.com} or {@code null}
 * @param method the method as the page wrote it (normalisation is the fetch rules' job)
 * @param headers the request headers the page sets, in the order it sets them
 * @param credentials fetch()'s credentials mode
 */
public record CorsRequest(
    String url,
    String origin,
    String method,
    List<HeaderLine> headers,
    CredentialsMode credentials) {

  public CorsRequest {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(method, "method");
    headers = List.copyOf(headers);
    Objects.requireNonNull(credentials, "credentials");
  }

  public CorsRequest withUrl(String newUrl) {
    return new CorsRequest(newUrl, origin, method, headers, credentials);
  }

  public CorsRequest withOrigin(String newOrigin) {
    return new CorsRequest(url, newOrigin, method, headers, credentials);
  }
}
