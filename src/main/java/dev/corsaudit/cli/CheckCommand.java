package dev.corsaudit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corsaudit.ToolVersion;
import dev.corsaudit.UserException;
import dev.corsaudit.audit.ActualRequestPolicy;
import dev.corsaudit.audit.Auditor;
import dev.corsaudit.audit.BrowserConfirmations;
import dev.corsaudit.audit.SecurityAuditor;
import dev.corsaudit.audit.TargetPlanner;
import dev.corsaudit.audit.TargetPlanner.ProbeLocation;
import dev.corsaudit.browser.Confirmer;
import dev.corsaudit.config.Provider;
import dev.corsaudit.config.ProvidersFile;
import dev.corsaudit.diff.DiffRenderer;
import dev.corsaudit.diff.RowChange;
import dev.corsaudit.diff.RunDiff;
import dev.corsaudit.probe.Prober;
import dev.corsaudit.replica.ReplicaServer;
import dev.corsaudit.report.ReportFormat;
import dev.corsaudit.report.Reports;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.AuditTarget;
import dev.corsaudit.security.Finding;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Audits endpoints: providers.yaml (or --url) → probe → grade → report. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Send CORS preflights the way a browser does and grade each answer as the browser would:",
      "PASS, FAIL with named causes and fixes, or ERROR when the network failed.",
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0    every audited endpoint PASSes (skipped rows do not count)",
      "  1    a FAIL (a browser would block the request) or a CRITICAL/HIGH security finding;",
      "       with --fail-on regression: a row that got worse than --baseline",
      "  2    bad usage or bad input (unknown option, invalid providers.yaml)",
      "  3    an ERROR (network failure) and no FAIL (only with --fail-on error, the default)",
      "  4    internal error (a bug: please report it with the --debug output)",
      "  130  interrupted (Ctrl-C): the results gathered so far were written",
      "  A FAIL outranks an ERROR: a browser-visible breakage is what CI exists to catch.",
    })
public final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin TargetOptions targetOptions;
  @Mixin OutputOptions outputOptions;
  @Mixin NetworkOptions networkOptions;

  @Option(
      names = "--actual",
      description =
          "After a passing preflight, also send the actual request (with the profile's invalid"
              + " placeholder key, or the key in the provider's api_key_env) and CORS-check its response.")
  boolean actual;

  @Option(
      names = "--fail-on",
      paramLabel = "WHEN",
      description =
          "error (default: 1 on FAIL, 3 on ERROR), fail (ERRORs exit 0), regression (1 only for rows"
              + " worse than --baseline) or never.")
  FailOn failOn = FailOn.ERROR;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description =
          "A previous JSON report; rows that went PASS→FAIL since are regressions (listed on stderr).")
  Path baseline;

  @Option(
      names = "--probe-security",
      description =
          "Also send preflights and simple requests with hostile origins (attacker, null, prefix/suffix"
              + " look-alikes, http:// downgrade, subdomain) and report origins the endpoint wrongly trusts.")
  boolean probeSecurity;

  @Option(
      names = "--browser",
      paramLabel = "BROWSER",
      description =
          "Also run each row's fetch() in real headless chromium or firefox (Debian's packages), from a"
              + " page at the row's origin, and show the browser's result beside cors-audit's."
              + " Use with --actual for a like-for-like comparison (the browser always sends the actual request).")
  String browser;

  @Override
  public Integer call() throws Exception {
    if (browser != null && !browser.equals("chromium") && !browser.equals("firefox")) {
      throw new UserException("--browser takes chromium or firefox, not '" + browser + "'");
    }
    if (failOn == FailOn.REGRESSION && baseline == null) {
      throw new UserException(
          "--fail-on regression needs --baseline FILE (a previous --format json report)");
    }
    JsonNode before = baseline == null ? null : DiffCommand.readReport(baseline);
    AuditRun run = execute(targetOptions, networkOptions, outputOptions, actual, probeSecurity);
    if (browser != null) {
      run = confirmInBrowser(run);
    }
    outputOptions.write(run);
    boolean regression = false;
    if (before != null) {
      StringWriter json = new StringWriter();
      Reports.renderer(ReportFormat.JSON, false).render(run, json);
      List<RowChange> changes =
          RunDiff.compare(before, new ObjectMapper().readTree(json.toString()));
      regression = RunDiff.hasRegression(changes);
      PrintWriter err = spec.commandLine().getErr();
      err.print(DiffRenderer.markdown(baseline.toString(), "this run", changes));
      err.flush();
    }
    return failOn.exitCode(run, regression);
  }

  static AuditRun execute(
      TargetOptions targets,
      NetworkOptions network,
      OutputOptions output,
      boolean sendActual,
      boolean security)
      throws Exception {
    ProvidersFile file = targets.load();
    List<Provider> providers = file.providers();
    output.runMadeWith(network.insecure, providers);
    try (ReplicaServer replicas = targets.replicas ? ReplicaServer.startBuiltin() : null;
        Prober prober = new Prober(network.probeOptions())) {
      Function<Provider, ProbeLocation> where = locator(replicas);
      List<AuditTarget> planned =
          TargetPlanner.plan(providers, file.profiles(), targets.selection(), where);
      if (planned.isEmpty()) {
        throw new UserException(
            "nothing to audit: no provider matched; check --only and providers.yaml");
      }
      Auditor auditor =
          new Auditor(
              prober,
              network.userAgent,
              new ActualRequestPolicy(sendActual, targets.stream, System.getenv()),
              output.progress(planned.size()));
      List<CompletableFuture<AuditResult>> futures = auditor.start(planned);
      InterruptGuard guard =
          InterruptGuard.install(
              planned, futures, targets.replicas, output, output.spec.commandLine().getErr());
      List<AuditResult> results = futures.stream().map(CompletableFuture::join).toList();
      guard.disarm();
      List<Finding> findings =
          new SecurityAuditor(prober, network.userAgent).run(planned, security);
      output.progressDone();
      return new AuditRun(
          ToolVersion.version(),
          Clock.systemUTC().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
          targets.replicas,
          results,
          findings,
          security);
    }
  }

  /** Replays the run's rows in a real browser; the replicas are started again for it. */
  private AuditRun confirmInBrowser(AuditRun run) throws Exception {
    ActualRequestPolicy policy =
        new ActualRequestPolicy(actual, targetOptions.stream, System.getenv());
    try (ReplicaServer replicas = targetOptions.replicas ? ReplicaServer.startBuiltin() : null;
        Confirmer confirmer = startBrowser()) {
      List<AuditResult> rows = run.results();
      if (replicas != null) {
        // The probe's replica server is gone; point the same rows at a fresh one.
        rows =
            rows.stream()
                .map(
                    r ->
                        r.target().probeUrl() == null
                            ? r
                            : new AuditResult(
                                new AuditTarget(
                                    r.target().seq(),
                                    r.target().provider(),
                                    r.target().profile(),
                                    r.target().request(),
                                    replicas.baseUrl(r.target().provider().replica())
                                        + r.target().provider().path(),
                                    null),
                                r.preflight(),
                                r.actual(),
                                r.verdict()))
                .toList();
      }
      return run.withConfirmations(BrowserConfirmations.run(confirmer, rows, policy));
    }
  }

  private Confirmer startBrowser() {
    try {
      return Confirmer.start(browser);
    } catch (java.io.IOException e) {
      throw new UserException("--browser " + browser + ": " + e.getMessage());
    }
  }

  private static Function<Provider, ProbeLocation> locator(ReplicaServer replicas) {
    if (replicas == null) {
      return p ->
          p.replicaOnly()
              ? ProbeLocation.skipped(
                  "a demonstration endpoint that exists only as a replica; use --replicas")
              : ProbeLocation.at(p.url());
    }
    return p -> {
      if (p.replica() == null || !replicas.has(p.replica())) {
        return ProbeLocation.skipped(
            "no replica of this provider; run without --replicas to audit it live");
      }
      return ProbeLocation.at(replicas.baseUrl(p.replica()) + p.path());
    };
  }
}
