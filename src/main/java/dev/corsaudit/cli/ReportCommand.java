package dev.corsaudit.cli;

import dev.corsaudit.audit.AuditRequest;
import dev.corsaudit.diff.CarryForward;
import dev.corsaudit.diff.DiffRenderer;
import dev.corsaudit.diff.RowChange;
import dev.corsaudit.diff.RunDiff;
import dev.corsaudit.model.UserException;
import dev.corsaudit.report.AtomicFiles;
import dev.corsaudit.report.Baseline;
import dev.corsaudit.report.CompatibilityPage;
import dev.corsaudit.report.ReportFormat;
import dev.corsaudit.report.ReportModel;
import dev.corsaudit.report.Reports;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.ReportDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The nightly job's command: audit, then write reports/latest.md, reports/latest.json and a dated
 * copy under reports/history/, each atomically, and compare with the previous latest.json.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Audit and save the compatibility report: <dir>/latest.md, <dir>/latest.json, the page",
      "<dir>/index.html and <dir>/history/<date>.{md,json}. The previous latest.json is the",
      "baseline for regressions; a run that is mostly ERROR, audits nothing or is interrupted",
      "only gets its history files.",
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  nothing the --fail-on setting cares about",
      "  1  a FAIL (--fail-on fail|error) or a regression since the previous report (--fail-on regression)",
      "  2  bad usage or bad input",
      "  3  an ERROR and no FAIL (--fail-on error, the default); with --fail-on regression: most rows",
      "     were ERROR, so the run was not kept as the baseline",
      "  4  internal error (a bug: please report it with the --debug output)",
      "  5  nothing was audited: every row was skipped (the line on stderr says why)",
      "  130  interrupted (Ctrl-C)",
      "  An ERROR row is compared with the verdict it last had: FAIL → ERROR → FAIL is no regression.",
    })
public final class ReportCommand implements Callable<Integer> {

  /** Groups a live report leaves out unless --include-group names them. */
  static final Set<String> LIVE_SKIPPED_GROUPS = Set.of("local");

  @Spec CommandSpec spec;

  @Mixin TargetOptions targetOptions;
  @Mixin OnlyOption onlyOption;
  @Mixin NetworkOptions networkOptions;
  @Mixin DisplayOptions displayOptions;
  @Mixin ShardOption shardOption;

  @Option(
      names = "--include-group",
      split = ",",
      paramLabel = "GROUP",
      description =
          "Also audit these provider groups in a live run. Local servers (group local: Ollama, LM"
              + " Studio, vLLM, llama.cpp) are skipped unless named here; --replicas audits every"
              + " group.")
  List<String> includeGroups = new ArrayList<>();

  @Option(
      names = "--reports-dir",
      paramLabel = "DIR",
      description = "Where to write the reports (default: ${DEFAULT-VALUE}).")
  Path reportsDir = Path.of("reports");

  @Option(
      names = "--fail-on",
      paramLabel = "WHEN",
      description = "error (default: 1 on FAIL, 3 on ERROR), fail, regression or never.")
  FailOn failOn = FailOn.ERROR;

  @Option(
      names = "--actual",
      description = "Also send the actual request after a passing preflight.")
  boolean actual;

  @Option(
      names = "--probe-security",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Hostile-origin probes (on by default here; --no-probe-security turns them off).")
  boolean probeSecurity = true;

  @Override
  public Integer call() throws Exception {
    Path latestJson = reportsDir.resolve("latest.json");
    ReportDocument baseline = Files.exists(latestJson) ? Baselines.read(latestJson) : null;

    AuditRequest request =
        shardOption.apply(
            Audits.request(targetOptions, onlyOption.only, networkOptions)
                .withActual(actual, targetOptions.stream, System.getenv())
                .withSecurity(probeSecurity));
    for (String group : includeGroups) {
      if (!dev.corsaudit.config.ProvidersLoader.GROUPS.contains(group)) {
        throw new UserException(
            "--include-group: unknown group '"
                + group
                + "'; groups are "
                + String.join(", ", dev.corsaudit.config.ProvidersLoader.GROUPS));
      }
    }
    Set<String> skipped = new LinkedHashSet<>(LIVE_SKIPPED_GROUPS);
    skipped.removeAll(includeGroups);
    request = request.withSelection(request.selection().withLiveSkippedGroups(skipped));
    PrintWriter out = spec.commandLine().getOut();
    AuditRun run =
        CarryForward.apply(
            baseline,
            Audits.run(request, displayOptions, r -> out.print(render(r, ReportFormat.MARKDOWN))));
    String markdown = render(run, ReportFormat.MARKDOWN);
    String json = render(run, ReportFormat.JSON);
    String date = run.generatedAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
    Baseline.Decision decision = Baseline.decide(run);
    try {
      AtomicFiles.write(reportsDir.resolve("history").resolve(date + ".json"), json);
      AtomicFiles.write(reportsDir.resolve("history").resolve(date + ".md"), markdown);
      if (decision.allowed()) {
        AtomicFiles.write(reportsDir.resolve("latest.md"), markdown);
        AtomicFiles.write(latestJson, json);
        AtomicFiles.write(
            reportsDir.resolve("index.html"),
            CompatibilityPage.render(
                ReportModel.document(run), HistoryFiles.read(reportsDir.resolve("history"))));
      }
    } catch (IOException e) {
      throw new UserException("cannot write reports to " + reportsDir + ": " + e.getMessage());
    }

    if (decision.allowed()) {
      out.println(
          "wrote "
              + reportsDir.resolve("latest.md")
              + ", "
              + latestJson
              + ", index.html and history/"
              + date
              + ".{md,json}");
    } else {
      out.println(
          "wrote history/" + date + ".{md,json}; latest.* not replaced: " + decision.reason());
    }
    boolean regression = false;
    if (baseline != null) {
      List<RowChange> changes = RunDiff.compare(baseline, ReportModel.document(run));
      regression = RunDiff.hasRegression(changes);
      out.print(DiffRenderer.markdown("previous latest.json", "this run", changes));
    }
    out.flush();
    int code = failOn.exitCode(ExitCodes.forRun(run), regression);
    if (code == ExitCodes.NOTHING_AUDITED) {
      spec.commandLine().getErr().println(ExitCodes.nothingAuditedLine(run));
    } else if (code == ExitCodes.OK && failOn == FailOn.REGRESSION && run.summary().mostlyError()) {
      // Nothing regressed, but nothing could be compared either: not a green night.
      code = ExitCodes.ERROR;
    }
    return code;
  }

  private static String render(AuditRun run, ReportFormat format) throws IOException {
    StringWriter text = new StringWriter();
    Reports.renderer(format, false).render(run, text);
    return text.toString();
  }
}
