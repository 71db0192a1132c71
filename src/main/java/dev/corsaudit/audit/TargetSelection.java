package dev.corsaudit.audit;

import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.HeaderLine;
import java.util.List;

/**
 * What the command line narrows or overrides. Empty lists and nulls mean "as providers.yaml says".
 *
 * @param only provider ids to keep
 * @param profiles header profiles to audit with instead of each provider's own
 * @param origins page origins to audit from instead of each provider's own
 * @param method the request method instead of each provider's own
 * @param extraHeaders headers added to (or replacing same-named headers of) every profile
 * @param credentials the credentials mode instead of each provider's own
 */
public record TargetSelection(
    List<String> only,
    List<String> profiles,
    List<String> origins,
    String method,
    List<HeaderLine> extraHeaders,
    CredentialsMode credentials) {

  public TargetSelection {
    only = List.copyOf(only);
    profiles = List.copyOf(profiles);
    origins = List.copyOf(origins);
    extraHeaders = List.copyOf(extraHeaders);
  }

  public static TargetSelection none() {
    return new TargetSelection(List.of(), List.of(), List.of(), null, List.of(), null);
  }
}
