package dev.corsaudit.audit;

import dev.corsaudit.config.Provider;
import dev.corsaudit.fetch.BrowserRequests;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.policy.CorsPolicy;
import dev.corsaudit.probe.Prober;
import dev.corsaudit.result.AuditTarget;
import dev.corsaudit.security.Finding;
import dev.corsaudit.security.FindingCode;
import dev.corsaudit.security.HostileOrigin;
import dev.corsaudit.security.HostileOrigins;
import dev.corsaudit.security.PolicyChecker;
import dev.corsaudit.security.SecurityGrader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Probes each provider once with hostile origins (preflight and simple GET) and, when it declares a
 * policy, with every listed origin and one unlisted origin. Findings are graded by pure code.
 */
public final class SecurityAuditor {

  private final Prober prober;
  private final String userAgent;

  public SecurityAuditor(Prober prober, String userAgent) {
    this.prober = prober;
    this.userAgent = userAgent;
  }

  /**
   * @param targets the run's targets: each probed provider is taken once, at its first target
   * @param security whether to send the hostile-origin probes (policies are always checked)
   */
  public List<Finding> run(List<AuditTarget> targets, boolean security) {
    return start(targets, security).join();
  }

  /**
   * Queues every probe now and returns at once: the probes go through the same prober as the main
   * run (its client, connections and limits), so started beside the main rows they fill the slots
   * the rows leave free instead of running as a serial phase after them.
   */
  public CompletableFuture<List<Finding>> start(List<AuditTarget> targets, boolean security) {
    List<CompletableFuture<List<Finding>>> futures = new ArrayList<>();
    if (!security && targets.stream().noneMatch(t -> t.provider().policy() != null)) {
      return CompletableFuture.completedFuture(List.of());
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (AuditTarget target : targets) {
      if (target.skipped() || !seen.add(target.provider().id())) {
        continue;
      }
      if (security) {
        futures.add(hostileProbes(target));
      }
      if (target.provider().policy() != null) {
        futures.add(policyProbes(target));
      }
    }
    return all(futures)
        .thenApply(
            findings -> {
              findings.sort(
                  java.util.Comparator.comparing(Finding::severity)
                      .thenComparing(Finding::providerId));
              return findings;
            });
  }

  private CompletableFuture<List<Finding>> hostileProbes(AuditTarget target) {
    Provider provider = target.provider();
    List<String> allowed =
        provider.policy() != null ? provider.policy().allowOrigins() : provider.origins();
    List<CompletableFuture<List<Finding>>> parts = new ArrayList<>();
    for (HostileOrigin hostile : HostileOrigins.forEndpoint(provider.url(), allowed)) {
      CorsRequest preflighted = target.request().withOrigin(hostile.origin());
      parts.add(
          prober
              .send(BrowserRequests.preflight(preflighted, target.probeUrl(), userAgent))
              .thenApply(e -> graded(provider, hostile, "preflight", e)));
      CorsRequest simple =
          new CorsRequest(
              target.request().url(), hostile.origin(), "GET", List.of(), CredentialsMode.OMIT);
      parts.add(
          prober
              .send(BrowserRequests.actual(simple, target.probeUrl(), userAgent, null))
              .thenApply(e -> graded(provider, hostile, "simple GET", e)));
    }
    return all(parts).thenApply(SecurityAuditor::dedupe);
  }

  private CompletableFuture<List<Finding>> policyProbes(AuditTarget target) {
    Provider provider = target.provider();
    CorsPolicy policy = provider.policy();
    List<CompletableFuture<List<Finding>>> parts = new ArrayList<>();
    List<HeaderLine> policyHeaders = new ArrayList<>();
    for (String name : policy.allowHeaders()) {
      policyHeaders.add(
          new HeaderLine(name, name.equalsIgnoreCase("content-type") ? "application/json" : "x"));
    }
    CredentialsMode mode =
        policy.allowCredentials() ? CredentialsMode.INCLUDE : CredentialsMode.OMIT;
    List<String> listed = policy.allowOrigins().stream().filter(o -> !o.equals("*")).toList();
    if (listed.isEmpty()) {
      listed = List.of(target.request().origin());
    }
    for (String origin : listed) {
      CorsRequest request =
          new CorsRequest(provider.url(), origin, provider.method(), policyHeaders, mode);
      parts.add(
          prober
              .send(BrowserRequests.preflight(request, target.probeUrl(), userAgent))
              .thenApply(
                  e ->
                      e.response() == null
                          ? List.<Finding>of()
                          : PolicyChecker.checkListedOrigin(
                              provider.id(), policy, origin, e.response())));
      CorsRequest simple = new CorsRequest(provider.url(), origin, "GET", List.of(), mode);
      parts.add(
          prober
              .send(BrowserRequests.actual(simple, target.probeUrl(), userAgent, null))
              .thenApply(
                  e ->
                      e.response() == null
                          ? List.<Finding>of()
                          : PolicyChecker.checkExposeHeaders(
                              provider.id(), policy, origin, e.response())));
    }
    String unlisted = HostileOrigins.forEndpoint(provider.url(), List.of()).get(0).origin();
    CorsRequest outsider =
        new CorsRequest(provider.url(), unlisted, provider.method(), policyHeaders, mode);
    parts.add(
        prober
            .send(BrowserRequests.preflight(outsider, target.probeUrl(), userAgent))
            .thenApply(
                e ->
                    e.response() == null
                        ? List.<Finding>of()
                        : PolicyChecker.checkUnlistedOrigin(
                            provider.id(), policy, unlisted, e.response())));
    return all(parts);
  }

  private static List<Finding> graded(
      Provider provider, HostileOrigin hostile, String probe, Exchange exchange) {
    if (exchange.response() == null) {
      return List.of();
    }
    return SecurityGrader.grade(provider.id(), hostile, probe, exchange.response());
  }

  /**
   * The preflight and the simple GET often show the same mistake: keep one row per code and origin.
   * An endpoint that reflects any origin trusts every look-alike too; listing each would bury the
   * one fix that matters, so only the reflection (and its Vary finding) stays.
   */
  private static List<Finding> dedupe(List<Finding> findings) {
    boolean reflectsAny =
        findings.stream().anyMatch(f -> f.code() == FindingCode.REFLECTS_ANY_ORIGIN);
    if (reflectsAny) {
      findings =
          findings.stream()
              .filter(
                  f ->
                      f.code() == FindingCode.REFLECTS_ANY_ORIGIN
                          || f.code() == FindingCode.REFLECTED_WITHOUT_VARY)
              .toList();
    }
    List<Finding> out = new ArrayList<>();
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (Finding finding : findings) {
      if (keys.add(finding.code() + " " + finding.origin().toLowerCase(Locale.ROOT))) {
        out.add(finding);
      }
    }
    return out;
  }

  private static CompletableFuture<List<Finding>> all(
      List<CompletableFuture<List<Finding>>> parts) {
    return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
        .thenApply(
            v -> {
              List<Finding> out = new ArrayList<>();
              parts.forEach(p -> out.addAll(p.join()));
              return out;
            });
  }
}
