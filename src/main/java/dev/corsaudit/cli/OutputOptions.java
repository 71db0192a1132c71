package dev.corsaudit.cli;

import dev.corsaudit.UserException;
import dev.corsaudit.audit.AuditListener;
import dev.corsaudit.report.AtomicFiles;
import dev.corsaudit.report.ReportFormat;
import dev.corsaudit.report.Reports;
import dev.corsaudit.report.RunNotes;
import dev.corsaudit.result.AuditRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where and how results are written. */
public final class OutputOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "table (default), markdown, json, junit or sarif.")
  ReportFormat format = ReportFormat.TABLE;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Write the report to FILE instead of stdout (- is stdout). A regular file is replaced"
              + " atomically, a symbolic link is followed, a FIFO or device is written directly.")
  Path output;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress line on stderr.")
  boolean quiet;

  @Option(
      names = "--no-color",
      description = "Plain table output (also when NO_COLOR is set or stdout is not a terminal).")
  boolean noColor;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  private ProgressLine progress;

  /** What the reports say about the run (--insecure, interrupted); set once the run is known. */
  private RunNotes notes = RunNotes.DEFAULT;

  /** Where an interrupted run's finished rows go; the report command points it at history/. */
  private ThrowingConsumer interrupted;

  /** Writes a run; may throw. */
  interface ThrowingConsumer {
    void accept(AuditRun run) throws Exception;
  }

  RunNotes notes() {
    return notes;
  }

  /**
   * Records how the run was made before it starts: --insecure is marked in every format and warned
   * about on stderr, and the api_key_env values are masked wherever they appear.
   */
  void runMadeWith(boolean insecure, java.util.List<dev.corsaudit.config.Provider> providers) {
    java.util.List<String> secrets = new java.util.ArrayList<>();
    for (dev.corsaudit.config.Provider provider : providers) {
      String value = provider.apiKeyEnv() == null ? null : System.getenv(provider.apiKeyEnv());
      if (value != null && !value.isBlank()) {
        secrets.add(value.strip());
      }
    }
    notes = new RunNotes(insecure, true, secrets);
    if (insecure) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "cors-audit: warning: --insecure: TLS certificates are not verified; the report is marked"
              + " as unverified");
      err.flush();
    }
  }

  void onInterrupt(ThrowingConsumer writer) {
    this.interrupted = writer;
  }

  /** The interrupt guard's write: the finished rows, marked as an incomplete run. */
  void writeInterrupted(AuditRun run) throws Exception {
    if (interrupted != null) {
      interrupted.accept(run);
    } else {
      write(run, notes.incomplete());
    }
  }

  private boolean toStdout() {
    return output == null || output.toString().equals("-");
  }

  AuditListener progress(int total) {
    if (quiet || !Terminal.stderrIsTerminal()) {
      return AuditListener.NONE;
    }
    progress = new ProgressLine(spec.commandLine().getErr());
    return progress;
  }

  void progressDone() {
    if (progress != null) {
      progress.clear();
    }
  }

  boolean color() {
    return !noColor
        && toStdout()
        && System.getenv("NO_COLOR") == null
        && Terminal.stdoutIsTerminal();
  }

  void write(AuditRun run) throws IOException {
    write(run, notes);
  }

  private void write(AuditRun run, RunNotes runNotes) throws IOException {
    StringWriter text = new StringWriter();
    Reports.renderer(format, color(), runNotes).render(run, text);
    if (toStdout()) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
      if (out.checkError()) {
        throw new UserException(
            "cannot write the report to standard output (disk full, or the reader went away)");
      }
      return;
    }
    try {
      AtomicFiles.write(output, text.toString());
    } catch (IOException e) {
      throw new UserException(
          "cannot write " + output + ": " + reason(e) + "; check the path and permissions");
    }
  }

  static String reason(IOException e) {
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage();
  }
}
