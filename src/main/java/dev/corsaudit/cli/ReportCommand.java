package dev.corsaudit.cli;

import dev.corsaudit.audit.AuditRequest;
import dev.corsaudit.diff.DiffRenderer;
import dev.corsaudit.diff.RowChange;
import dev.corsaudit.diff.RunDiff;
import dev.corsaudit.model.UserException;
import dev.corsaudit.report.AtomicFiles;
import dev.corsaudit.report.Baseline;
import dev.corsaudit.report.ReportFormat;
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
import java.util.List;
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
      "Audit and save the compatibility report: <dir>/latest.md, <dir>/latest.json and",
      "<dir>/history/<date>.{md,json} (<date>-2, ... for later runs that day). The previous",
      "latest.json is the baseline for regressions. One run at a time per directory (a lock);",
      "an interrupted run writes its finished rows to history/<date>-incomplete.{md,json} only.",
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  nothing the --fail-on setting cares about",
      "  1  a FAIL (--fail-on fail|error) or a regression since the previous report (--fail-on regression)",
      "  2  bad usage or bad input",
      "  3  an ERROR and no FAIL (--fail-on error, the default)",
    })
public final class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin TargetOptions targetOptions;
  @Mixin OnlyOption onlyOption;
  @Mixin NetworkOptions networkOptions;
  @Mixin DisplayOptions displayOptions;

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
        Audits.request(targetOptions, onlyOption.only, networkOptions)
            .withActual(actual, targetOptions.stream, System.getenv())
            .withSecurity(probeSecurity);
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
    AuditRun run = Audits.run(request, displayOptions, onInterrupt);
    Written written = writeReports(run, notes);
    if (written.latest()) {
      out.println(
          "wrote "
              + reportsDir.resolve("latest.md")
              + ", "
              + latestJson
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
    return failOn.exitCode(ExitCodes.forRun(run), regression);
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
