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
    header = "Audit endpoints as a browser would and print the verdicts.",
    description = {
      "Sends CORS preflights the way a browser does and grades each answer as Chromium,"
          + " Firefox and WebKit would: PASS, FAIL with named causes and fixes, or ERROR when the"
          + " network failed. Audits every provider of the providers file, or one --url.",
    },
    exitCodeList = {
      "0:every audited endpoint passes (skipped rows do not count)",
      "1:a FAIL (a browser would block the request) or a CRITICAL/HIGH security finding;"
          + " with --fail-on regression: a row that got worse than --baseline",
      "2:bad usage or bad input (unknown option, invalid providers.yaml)",
      "3:an ERROR (network failure) and no FAIL (with --fail-on error, the default)",
      "4:internal error (a bug: please report it with the --debug output)",
      "5:nothing was audited: every row was skipped (the line on stderr says why)",
      "130:interrupted (Ctrl-C): the results gathered so far were written",
    },
    footerHeading =
        "%nA FAIL outranks an ERROR: a browser-visible breakage is what CI exists to catch.%n%nExamples:%n",
    footer = {
      "  # Offline: the built-in replicas of every provider, from a local dev page",
      "  cors-audit check --replicas --origin http://localhost:3000",
      "",
      "  # My app on http://localhost:3000 calls OpenRouter with the OpenAI SDK",
      "  cors-audit check --only openrouter --profile openai-sdk \\",
      "      --origin http://localhost:3000",
      "",
      "  # One endpoint of your own, then the actual request too",
      "  cors-audit check --url https://api.example.com/v1/chat/completions --actual",
      "",
      "  # CI: JSON report, exit 1 only on regressions since the last run",
      "  cors-audit check -f json -o now.json --baseline last.json --fail-on regression",
    })
public final class CheckCommand implements Callable<Integer> {

  static final List<String> BROWSERS = List.of("chromium", "firefox", "webkit");

  @Spec CommandSpec spec;

  @Mixin TargetOptions targetOptions;
  @Mixin OnlyOption onlyOption;
  @Mixin FormatOptions formatOptions;
  @Mixin NetworkOptions networkOptions;
  @Mixin DisplayOptions displayOptions;
  @Mixin ShardOption shardOption;

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

  @Option(
      names = "--browser-path",
      paramLabel = "FILE",
      description =
          "The executable of the --browser chromium or firefox, when it is not on PATH (chromium,"
              + " chromium-browser, google-chrome, chrome; firefox, firefox-esr) nor in /usr/bin"
              + " or /Applications.")
  java.nio.file.Path browserPath;

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
    if (browserPath != null) {
      if (browser == null) {
        throw new UserException("--browser-path needs --browser chromium or firefox");
      }
      if (!java.nio.file.Files.isExecutable(browserPath)) {
        throw new UserException("--browser-path " + browserPath + " is not an executable file");
      }
      System.setProperty(
          dev.corsaudit.browser.BrowserBinaries.PATH_PROPERTY, browserPath.toString());
    }
    ReportDocument before = baseline == null ? null : Baselines.read(baseline);
    AuditRequest request =
        shardOption.apply(
            Audits.request(targetOptions, onlyOption.only, networkOptions)
                .withActual(actual, targetOptions.stream, System.getenv())
                .withSecurity(probeSecurity)
                .withBrowser(browser));
    formatOptions.runMadeWith(networkOptions.insecure, request.providers().providers());
    AuditRun run;
    if (formatOptions.streams() && before == null && browser == null) {
      // JSON goes out row by row as the run goes on, the table and Markdown wait in a spool: any
      // number of rows in bounded memory.
      try (AuditSession session =
          AuditSession.open(request, displayOptions.progress(request.probe().concurrency()))) {
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
    int code = failOn.exitCode(ExitCodes.forRun(run), regression);
    if (code == ExitCodes.NOTHING_AUDITED) {
      spec.commandLine().getErr().println(ExitCodes.nothingAuditedLine(run));
    }
    return code;
  }
}
