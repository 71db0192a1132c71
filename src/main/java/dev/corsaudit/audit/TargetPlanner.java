package dev.corsaudit.audit;

import dev.corsaudit.config.HeaderProfile;
import dev.corsaudit.config.Provider;
import dev.corsaudit.grade.RequestPlans;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.Setting;
import dev.corsaudit.model.UserException;
import dev.corsaudit.result.AuditTarget;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Expands providers into report rows: provider × path × profile × origin, in file order. A provider
 * with several paths is planned once per path, as {@link Provider#at} that path.
 */
public final class TargetPlanner {

  private TargetPlanner() {}

  /**
   * @param probeUrlFor where to send a provider's requests (its real URL, or a replica's), or null
   *     when the provider cannot be probed in this run; the second element is then the skip reason
   */
  public static List<AuditTarget> plan(
      List<Provider> providers,
      Map<String, HeaderProfile> profiles,
      TargetSelection selection,
      Function<Provider, ProbeLocation> probeUrlFor) {
    List<Provider> chosen = select(providers, selection.only());
    List<AuditTarget> targets = new ArrayList<>();
    for (Provider listed : chosen) {
      // A provider with several paths becomes one run of rows per path, in file order.
      List<Provider> perPath =
          listed.multiPath()
              ? listed.endpoints().stream().map(listed::at).toList()
              : List.of(listed);
      for (Provider provider : perPath) {
        plan(provider, profiles, selection, probeUrlFor.apply(provider), targets);
      }
    }
    return targets;
  }

  private static void plan(
      Provider provider,
      Map<String, HeaderProfile> profiles,
      TargetSelection selection,
      ProbeLocation location,
      List<AuditTarget> targets) {
    List<String> profileNames =
        selection.profiles().isEmpty() ? provider.profiles() : selection.profiles();
    List<String> origins = selection.origins().isEmpty() ? provider.origins() : selection.origins();
    String method = selection.method() != null ? selection.method() : provider.method();
    CredentialsMode credentials =
        selection.credentials() != null ? selection.credentials() : provider.credentials();
    for (String profileName : profileNames) {
      HeaderProfile profile = profiles.get(profileName);
      if (profile == null) {
        throw new UserException(
            "unknown header profile '"
                + profileName
                + "'; known profiles: "
                + String.join(", ", profiles.keySet()),
            Setting.PROFILE);
      }
      List<HeaderLine> headers = withOverrides(profile.headers(), selection.extraHeaders());
      for (String origin : origins) {
        CorsRequest request = new CorsRequest(provider.url(), origin, method, headers, credentials);
        targets.add(
            new AuditTarget(
                targets.size(),
                provider,
                profileName,
                request,
                RequestPlans.of(request),
                location.url(),
                location.skipReason()));
      }
    }
  }

  private static List<Provider> select(List<Provider> providers, List<String> only) {
    if (only.isEmpty()) {
      return providers;
    }
    Set<String> known = new LinkedHashSet<>();
    providers.forEach(p -> known.add(p.id()));
    for (String id : only) {
      if (!known.contains(id)) {
        throw new UserException(
            "unknown provider id '" + id + "'; known ids: " + String.join(", ", known),
            Setting.PROVIDER_IDS);
      }
    }
    return providers.stream().filter(p -> only.contains(p.id())).toList();
  }

  /** The profile's headers with same-named ones replaced by the command line's, others appended. */
  static List<HeaderLine> withOverrides(List<HeaderLine> base, List<HeaderLine> extra) {
    List<HeaderLine> out = new ArrayList<>();
    for (HeaderLine line : base) {
      if (extra.stream().noneMatch(e -> e.hasName(line.name()))) {
        out.add(line);
      }
    }
    out.addAll(extra);
    return out;
  }

  /** Where a provider is probed: a URL, or a reason it is skipped in this run. */
  public record ProbeLocation(String url, String skipReason) {
    public static ProbeLocation at(String url) {
      return new ProbeLocation(url, null);
    }

    public static ProbeLocation skipped(String reason) {
      return new ProbeLocation(null, reason);
    }
  }
}
