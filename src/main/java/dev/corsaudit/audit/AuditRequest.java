package dev.corsaudit.audit;

import dev.corsaudit.config.ProvidersFile;
import dev.corsaudit.fetch.BrowserRequests;
import dev.corsaudit.probe.ProbeOptions;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one audit needs, decided before it starts: what to audit and how. Commands build one
 * from their options and hand it to {@link AuditSession}; nothing else assembles the pipeline.
 *
 * @param providers the providers file (or the one-endpoint file of a URL audit)
 * @param selection what the user narrowed or overrode
 * @param replicas probe the built-in loopback replicas instead of the real endpoints
 * @param probe network limits and timeouts
 * @param userAgent the User-Agent the probe sends as the browser's own
 * @param sendActual send the actual request after a passing preflight
 * @param stream with sendActual, ask for a streamed answer
 * @param environment where api_key_env names are looked up (never the command line)
 * @param probeSecurity send hostile-origin probes too
 * @param browser replay each row in this real browser ("chromium", "firefox"), or null
 * @param clock when the run is stamped
 */
public record AuditRequest(
    ProvidersFile providers,
    TargetSelection selection,
    boolean replicas,
    ProbeOptions probe,
    String userAgent,
    boolean sendActual,
    boolean stream,
    Map<String, String> environment,
    boolean probeSecurity,
    String browser,
    Clock clock) {

  public AuditRequest {
    Objects.requireNonNull(providers, "providers");
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(probe, "probe");
    Objects.requireNonNull(userAgent, "userAgent");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(clock, "clock");
  }

  /** Audit every provider of the file as it says, with default network settings. */
  public static AuditRequest of(ProvidersFile providers) {
    return new AuditRequest(
        providers,
        TargetSelection.none(),
        false,
        ProbeOptions.defaults(),
        BrowserRequests.DEFAULT_USER_AGENT,
        false,
        false,
        Map.of(),
        false,
        null,
        Clock.systemUTC());
  }

  public AuditRequest withSelection(TargetSelection value) {
    return change(b -> b.selection = value);
  }

  public AuditRequest withReplicas(boolean value) {
    return change(b -> b.replicas = value);
  }

  public AuditRequest withNetwork(ProbeOptions value, String agent) {
    return change(
        b -> {
          b.probe = value;
          b.userAgent = agent;
        });
  }

  public AuditRequest withActual(boolean value, boolean streamed, Map<String, String> env) {
    return change(
        b -> {
          b.sendActual = value;
          b.stream = streamed;
          b.environment = env;
        });
  }

  public AuditRequest withSecurity(boolean value) {
    return change(b -> b.probeSecurity = value);
  }

  public AuditRequest withBrowser(String value) {
    return change(b -> b.browser = value);
  }

  public AuditRequest withClock(Clock value) {
    return change(b -> b.clock = value);
  }

  /** A copy with some components changed: one place that lists them all. */
  private AuditRequest change(java.util.function.Consumer<Copy> edit) {
    Copy copy = new Copy(this);
    edit.accept(copy);
    return new AuditRequest(
        copy.providers,
        copy.selection,
        copy.replicas,
        copy.probe,
        copy.userAgent,
        copy.sendActual,
        copy.stream,
        copy.environment,
        copy.probeSecurity,
        copy.browser,
        copy.clock);
  }

  /** The components of a request being copied with changes. */
  private static final class Copy {
    ProvidersFile providers;
    TargetSelection selection;
    boolean replicas;
    ProbeOptions probe;
    String userAgent;
    boolean sendActual;
    boolean stream;
    Map<String, String> environment;
    boolean probeSecurity;
    String browser;
    Clock clock;

    Copy(AuditRequest r) {
      providers = r.providers;
      selection = r.selection;
      replicas = r.replicas;
      probe = r.probe;
      userAgent = r.userAgent;
      sendActual = r.sendActual;
      stream = r.stream;
      environment = r.environment;
      probeSecurity = r.probeSecurity;
      browser = r.browser;
      clock = r.clock;
    }
  }
}
