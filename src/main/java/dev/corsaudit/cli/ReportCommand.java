package dev.corsaudit.cli;

import dev.corsaudit.audit.AuditRequest;
import dev.corsaudit.audit.ReportRestore;
import dev.corsaudit.diff.CarryForward;
import dev.corsaudit.diff.DiffRenderer;
import dev.corsaudit.diff.RowChange;
import dev.corsaudit.diff.RunDiff;
import dev.corsaudit.model.UserException;
import dev.corsaudit.report.AtomicFiles;
import dev.corsaudit.report.Baseline;
import dev.corsaudit.report.CompatibilityPage;
import dev.corsaudit.report.ReportFormat;
import dev.corsaudit.report.ReportJson;
import dev.corsaudit.report.ReportModel;
import dev.corsaudit.report.Reports;
import dev.corsaudit.report.ReportsLock;
import dev.corsaudit.report.RunNotes;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.ReportDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
    header = "Audit and save the report: latest.md, latest.json and a dated copy.",
    description = {
      "Audits like check (with the hostile-origin probes on) and writes <dir>/latest.md,"
          + " <dir>/latest.json, the page <dir>/index.html and <dir>/history/<date>.{md,json}"
          + " (<date>-2, ... for later runs that day), each atomically. The previous latest.json"
          + " is the baseline for regressions; an ERROR row is compared with the verdict it last"
          + " had (FAIL -> ERROR -> FAIL is no regression). One run at a time per directory (a"
          + " lock); a run that is interrupted, mostly ERROR or audits nothing writes history/"
          + " only.",
    },
    exitCodeList = {
      "0:nothing the --fail-on setting cares about",
      "1:a FAIL (--fail-on fail|error) or a regression since the previous report"
          + " (--fail-on regression)",
      "2:bad usage or bad input",
      "3:an ERROR and no FAIL (--fail-on error, the default); with --fail-on regression: most"
          + " rows were ERROR (the run is not kept as the baseline)",
      "4:internal error (a bug; rerun with --debug)",
      "5:nothing was audited: every row was skipped (stderr says why)",
      "130:interrupted (Ctrl-C)",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  # The nightly job: audit every provider, write reports/ and compare",
      "  cors-audit report",
      "",
      "  # Offline, into a scratch folder",
      "  cors-audit report --replicas --reports-dir /tmp/reports",
      "",
      "  # Fail the job only when something regressed",
      "  cors-audit report --fail-on regression",
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
      names = "--from",
      paramLabel = "FILE.json",
      description =
          "Do not audit: take the rows from this JSON report (the `cors-audit merge` of a sharded"
              + " run, made from the same providers file and options) and save, compare and publish"
              + " them as if this run had audited them.")
  Path from;

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
    try (ReportsLock lock = lock()) {
      AtomicFiles.cleanTemporaryFiles(reportsDir);
      AtomicFiles.cleanTemporaryFiles(reportsDir.resolve("history"));
      return run(lock);
    }
  }

  private ReportsLock lock() {
    try {
      return ReportsLock.acquire(reportsDir);
    } catch (ReportsLock.HeldException e) {
      throw new UserException(
          "another cors-audit report is writing to "
              + reportsDir
              + " (it holds "
              + e.getMessage()
              + "); wait for it to finish or use another --reports-dir");
    } catch (IOException e) {
      throw new UserException(
          "cannot lock " + reportsDir + ": " + FormatOptions.reason(e) + "; check the permissions");
    }
  }

  private Integer run(ReportsLock lock) throws Exception {
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
    PrintWriter err = spec.commandLine().getErr();
    RunNotes notes =
        FormatOptions.notesFor(networkOptions.insecure, request.providers().providers(), err);
    // Ctrl-C: the finished rows go to history/, marked incomplete; latest.* stays as it was.
    InterruptGuard.Writer onInterrupt =
        partial -> {
          Written written = writeReports(partial, notes.incomplete());
          err.println(
              "cors-audit: the finished rows are in "
                  + written.history()
                  + ".{md,json}, marked incomplete; "
                  + written.why()
                  + ", so latest.* still holds the previous run");
          err.flush();
          lock.close(); // the JVM is going down: no stray lock file in the committed directory
        };
    if (from != null && shardOption.shard != null) {
      throw new UserException("--from and --shard cannot be combined (merge the shards first)");
    }
    AuditRun audited =
        from != null
            ? ReportRestore.restore(request, Baselines.read(from))
            : Audits.run(request, displayOptions, onInterrupt);
    if (shardOption.shard != null) {
      return writeShard(audited, notes);
    }
    AuditRun run = CarryForward.apply(baseline, audited);
    Written written = writeReports(run, notes);
    if (written.latest()) {
      out.println(
          "wrote "
              + reportsDir.resolve("latest.md")
              + ", "
              + latestJson
              + ", "
              + reportsDir.resolve("index.html")
              + " and "
              + written.history()
              + ".{md,json}");
    } else {
      out.println(
          "wrote " + written.history() + ".{md,json}; latest.* not replaced: " + written.why());
    }
    boolean regression = false;
    if (baseline != null) {
      List<RowChange> changes = RunDiff.compare(baseline, ReportModel.document(run));
      regression = RunDiff.hasRegression(changes);
      out.print(DiffRenderer.markdown("previous latest.json", "this run", changes));
    }
    out.flush();
    if (out.checkError()) {
      throw new UserException("cannot write to standard output");
    }
    int code = failOn.exitCode(ExitCodes.forRun(run), regression);
    if (code == ExitCodes.NOTHING_AUDITED) {
      spec.commandLine().getErr().println(ExitCodes.nothingAuditedLine(run));
    } else if (code == ExitCodes.OK && failOn == FailOn.REGRESSION && run.summary().mostlyError()) {
      // Nothing regressed, but nothing could be compared either: not a green night.
      code = ExitCodes.ERROR;
    }
    return code;
  }

  /**
   * One shard of the nightly: only {@code <dir>/shards/I-of-N.json}, for {@code cors-audit merge};
   * the merge job makes latest.*, index.html and history/ with {@code report --from}.
   */
  private Integer writeShard(AuditRun run, RunNotes notes) {
    Path file =
        reportsDir
            .resolve("shards")
            .resolve(run.shard().shard().index() + "-of-" + run.shard().shard().count() + ".json");
    try {
      AtomicFiles.write(file, render(run, ReportFormat.JSON, notes));
    } catch (IOException e) {
      throw new UserException("cannot write " + file + ": " + FormatOptions.reason(e));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("wrote " + file + " (merge the shards, then report --from the merged report)");
    out.flush();
    return failOn == FailOn.REGRESSION
        ? ExitCodes.OK
        : failOn.exitCode(ExitCodes.forRun(run), false);
  }

  /** What writeReports did: the history files' path without extension, and latest.* or why not. */
  private record Written(Path history, boolean latest, String why, String json) {}

  /**
   * history/DATE.{md,json} (DATE-2, DATE-3, ... for later runs that day, "-incomplete" for an
   * interrupted one), then latest.* when {@link Baseline#decide} allows the run to be the next
   * baseline.
   */
  private Written writeReports(AuditRun run, RunNotes notes) {
    try {
      String markdown = render(run, ReportFormat.MARKDOWN, notes);
      String json = render(run, ReportFormat.JSON, notes);
      String date = run.generatedAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
      Path historyDir = reportsDir.resolve("history");
      Path history = freeStem(historyDir, notes.complete() ? date : date + "-incomplete");
      AtomicFiles.write(history.resolveSibling(history.getFileName() + ".json"), json);
      AtomicFiles.write(history.resolveSibling(history.getFileName() + ".md"), markdown);
      Baseline.Decision decision = Baseline.decide(run, notes);
      if (decision.allowed()) {
        AtomicFiles.write(reportsDir.resolve("latest.md"), markdown);
        AtomicFiles.write(reportsDir.resolve("latest.json"), json);
        AtomicFiles.write(
            reportsDir.resolve("index.html"),
            CompatibilityPage.render(ReportJson.read(json), HistoryFiles.read(historyDir)));
      }
      return new Written(history, decision.allowed(), decision.reason(), json);
    } catch (IOException e) {
      throw new UserException(
          "cannot write reports to " + reportsDir + ": " + FormatOptions.reason(e));
    }
  }

  /** {@code dir/base}, or base-2, base-3, ... : the first whose .md and .json are both free. */
  static Path freeStem(Path dir, String base) {
    for (int n = 1; ; n++) {
      String stem = n == 1 ? base : base + "-" + n;
      if (!Files.exists(dir.resolve(stem + ".json"), LinkOption.NOFOLLOW_LINKS)
          && !Files.exists(dir.resolve(stem + ".md"), LinkOption.NOFOLLOW_LINKS)) {
        return dir.resolve(stem);
      }
    }
  }

  private static String render(AuditRun run, ReportFormat format, RunNotes notes)
      throws IOException {
    StringWriter text = new StringWriter();
    Reports.renderer(format, false, notes).render(run, text);
    return text.toString();
  }
}
