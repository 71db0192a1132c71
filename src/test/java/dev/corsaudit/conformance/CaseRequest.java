package dev.corsaudit.conformance;

import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.HeaderLine;
import java.util.List;
import java.util.Objects;

/**
 * The fetch() a conformance case makes: method as written (so {@code patch} stays lower case),
 * headers in the order the page sets them, credentials mode and an optional body.
 */
public record CaseRequest(
    String method, List<HeaderLine> headers, CredentialsMode credentials, String body) {

  public CaseRequest {
    Objects.requireNonNull(method, "method");
    headers = List.copyOf(headers);
    Objects.requireNonNull(credentials, "credentials");
  }
}
