package dev.corsaudit.cli;

import dev.corsaudit.audit.AuditRequest;
import dev.corsaudit.audit.AuditSession;
import dev.corsaudit.diff.DiffRenderer;
import dev.corsaudit.diff.RowChange;
import dev.corsaudit.diff.RunDiff;
import dev.corsaudit.model.UserException;
import dev.corsaudit.report.ReportModel;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.ReportDocument;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
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

  static final List<String> BROWSERS = List.of("chromium", "firefox", "webkit");

  @Spec CommandSpec spec;

  @Mixin TargetOptions targetOptions;
  @Mixin OnlyOption onlyOption;
  @Mixin FormatOptions formatOptions;
  @Mixin NetworkOptions networkOptions;
  @Mixin DisplayOptions displayOptions;

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
          "Also run each row's fetch() in real headless chromium, firefox or webkit (Debian's packages), from a"
              + " page at the row's origin, and show the browser's result beside cors-audit's."
              + " Use with --actual for a like-for-like comparison (the browser always sends the actual request).")
  String browser;

  @Override
  public Integer call() throws Exception {
    if (browser != null && !BROWSERS.contains(browser)) {
      throw new UserException(
          "--browser takes " + String.join(" or ", BROWSERS) + ", not '" + browser + "'");
    }
    if (failOn == FailOn.REGRESSION && baseline == null) {
      throw new UserException(
          "--fail-on regression needs --baseline FILE (a previous --format json report)");
    }
    ReportDocument before = baseline == null ? null : Baselines.read(baseline);
    AuditRequest request =
        Audits.request(targetOptions, onlyOption.only, networkOptions)
            .withActual(actual, targetOptions.stream, System.getenv())
            .withSecurity(probeSecurity)
            .withBrowser(browser);
    formatOptions.runMadeWith(networkOptions.insecure, request.providers().providers());
    AuditRun run;
    if (formatOptions.streams() && before == null && browser == null) {
      // JSON goes out row by row as the run goes on: any number of rows in bounded memory.
      try (AuditSession session = AuditSession.open(request, displayOptions.progress())) {
        run = formatOptions.stream(session, request.replicas(), spec.commandLine().getErr());
      }
    } else {
      run = Audits.run(request, displayOptions, formatOptions::writeIncomplete);
      formatOptions.write(run);
    }
    boolean regression = false;
    if (before != null) {
      List<RowChange> changes = RunDiff.compare(before, ReportModel.document(run));
      regression = RunDiff.hasRegression(changes);
      PrintWriter err = spec.commandLine().getErr();
      err.print(DiffRenderer.markdown(baseline.toString(), "this run", changes));
      err.flush();
    }
    return failOn.exitCode(ExitCodes.forRun(run), regression);
  }
}
