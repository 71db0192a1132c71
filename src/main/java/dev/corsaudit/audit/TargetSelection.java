package dev.corsaudit.audit;

import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.result.Shard;
import java.util.List;
import java.util.Set;

/**
 * What the command line narrows or overrides. Empty lists and nulls mean "as providers.yaml says".
 *
 * @param only provider ids to keep
 * @param profiles header profiles to audit with instead of each provider's own
 * @param origins page origins to audit from instead of each provider's own
 * @param method the request method instead of each provider's own
 * @param extraHeaders headers added to (or replacing same-named headers of) every profile
 * @param credentials the credentials mode instead of each provider's own
 * @param liveSkippedGroups provider groups whose rows are skipped in a live run (report skips the
 *     local servers unless asked); replica runs audit every group
 * @param shard the slice of the rows this run audits, or null for all of them
 */
public record TargetSelection(
    List<String> only,
    List<String> profiles,
    List<String> origins,
    String method,
    List<HeaderLine> extraHeaders,
    CredentialsMode credentials,
    Set<String> liveSkippedGroups,
    Shard shard) {

  public TargetSelection {
    only = List.copyOf(only);
    profiles = List.copyOf(profiles);
    origins = List.copyOf(origins);
    extraHeaders = List.copyOf(extraHeaders);
    liveSkippedGroups = Set.copyOf(liveSkippedGroups);
  }

  /** Every group, every row. */
  public TargetSelection(
      List<String> only,
      List<String> profiles,
      List<String> origins,
      String method,
      List<HeaderLine> extraHeaders,
      CredentialsMode credentials) {
    this(only, profiles, origins, method, extraHeaders, credentials, Set.of(), null);
  }

  public static TargetSelection none() {
    return new TargetSelection(List.of(), List.of(), List.of(), null, List.of(), null);
  }

  public TargetSelection withLiveSkippedGroups(Set<String> groups) {
    return new TargetSelection(
        only, profiles, origins, method, extraHeaders, credentials, groups, shard);
  }

  public TargetSelection withShard(Shard value) {
    return new TargetSelection(
        only, profiles, origins, method, extraHeaders, credentials, liveSkippedGroups, value);
  }
}
