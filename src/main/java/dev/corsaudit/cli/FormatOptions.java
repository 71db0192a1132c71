package dev.corsaudit.cli;

import dev.corsaudit.audit.AuditSession;
import dev.corsaudit.model.UserException;
import dev.corsaudit.report.AtomicFiles;
import dev.corsaudit.report.JsonRowStream;
import dev.corsaudit.report.ReportFormat;
import dev.corsaudit.report.Reports;
import dev.corsaudit.report.RunNotes;
import dev.corsaudit.result.AuditRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Which report format to print, and where. */
public final class FormatOptions {

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
      names = "--no-color",
      description = "Plain table output (also when NO_COLOR is set or stdout is not a terminal).")
  boolean noColor;

  /** What the reports say about the run (--insecure, interrupted); set before the run starts. */
  private RunNotes notes = RunNotes.DEFAULT;

  RunNotes notes() {
    return notes;
  }

  /**
   * Records how the run is made, before it starts: --insecure is marked in every format and warned
   * about on stderr, and the api_key_env values are masked wherever they appear.
   */
  void runMadeWith(boolean insecure, java.util.List<dev.corsaudit.config.Provider> providers) {
    notes = notesFor(insecure, providers, spec.commandLine().getErr());
  }

  /** The notes of a run made so (warning about --insecure on {@code err}). */
  static RunNotes notesFor(
      boolean insecure, java.util.List<dev.corsaudit.config.Provider> providers, PrintWriter err) {
    java.util.List<String> secrets = new java.util.ArrayList<>();
    for (dev.corsaudit.config.Provider provider : providers) {
      String value = provider.apiKeyEnv() == null ? null : System.getenv(provider.apiKeyEnv());
      if (value != null && !value.isBlank()) {
        secrets.add(value.strip());
      }
    }
    if (insecure) {
      err.println(
          "cors-audit: warning: --insecure: TLS certificates are not verified; the report is marked"
              + " as unverified");
      err.flush();
    }
    return new RunNotes(insecure, true, secrets);
  }

  /** The interrupt guard's write: the finished rows, marked as an incomplete run. */
  void writeIncomplete(AuditRun run) throws IOException {
    write(run, notes.incomplete());
  }

  private boolean toStdout() {
    return output == null || output.toString().equals("-");
  }

  boolean color() {
    return !noColor
        && toStdout()
        && System.getenv("NO_COLOR") == null
        && Terminal.stdoutIsTerminal();
  }

  /** JSON is written row by row while the run goes on; the other formats print counts first. */
  boolean streams() {
    return format == ReportFormat.JSON;
  }

  /**
   * Runs the audit with its JSON report written as rows finish: memory stays bounded whatever the
   * number of rows. An interrupt writes the rows not finished as UNFINISHED and closes the
   * document, marked incomplete; a failed write is one line.
   */
  AuditRun stream(AuditSession session, boolean replicas, PrintWriter err) throws IOException {
    AtomicFiles.Output file = toStdout() ? null : openFile();
    Writer out =
        file == null
            ? spec.commandLine().getOut()
            : new java.io.OutputStreamWriter(
                file.stream(), java.nio.charset.StandardCharsets.UTF_8);
    try (JsonRowStream json = new JsonRowStream(out, session.targets(), replicas, notes)) {
      InterruptGuard guard =
          InterruptGuard.install(
              session::interruptStream,
              run -> {
                json.finish(run, false);
                out.flush();
                if (file != null) {
                  file.commit();
                }
              },
              err);
      AuditRun run;
      try {
        run = session.stream(json);
        json.finish(run, true);
        out.flush();
      } finally {
        guard.disarm();
      }
      if (file != null) {
        file.commit();
      } else if (spec.commandLine().getOut().checkError()) {
        throw new UserException(
            "cannot write the report to standard output (disk full, or the reader went away)");
      }
      return run;
    } catch (java.io.UncheckedIOException e) {
      throw new UserException(
          "cannot write " + (file == null ? "the report" : output) + ": " + reason(e.getCause()));
    } finally {
      if (file != null) {
        file.close();
      }
    }
  }

  private AtomicFiles.Output openFile() {
    try {
      return AtomicFiles.open(output);
    } catch (IOException e) {
      throw new UserException(
          "cannot write " + output + ": " + reason(e) + "; check the path and permissions");
    }
  }

  /** Renders the run in the chosen format to stdout or the output file. */
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
