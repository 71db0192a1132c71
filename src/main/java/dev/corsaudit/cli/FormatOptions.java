package dev.corsaudit.cli;

import dev.corsaudit.audit.AuditSession;
import dev.corsaudit.model.UserException;
import dev.corsaudit.report.AtomicFiles;
import dev.corsaudit.report.JsonRowStream;
import dev.corsaudit.report.ReportFormat;
import dev.corsaudit.report.Reports;
import dev.corsaudit.report.RunNotes;
import dev.corsaudit.report.SpooledReport;
import dev.corsaudit.report.TableLayout;
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
      names = "--color",
      paramLabel = "WHEN",
      description =
          "auto (default: colour on a terminal, unless NO_COLOR is set and not empty;"
              + " CLICOLOR_FORCE forces it), always or never.")
  Terminal.ColorMode colorMode = Terminal.ColorMode.AUTO;

  @Option(names = "--no-color", description = "The same as --color=never.")
  boolean noColor;

  @Option(
      names = "--show-skipped",
      description = "List skipped rows one by one in the table (they are folded into one line).")
  boolean showSkipped;

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
    if (noColor || !toStdout()) {
      return false;
    }
    return Terminal.colorWanted(colorMode, Terminal.stdoutIsTerminal());
  }

  /** The table fits the terminal it is printed on; a pipe or a file gets unwrapped lines. */
  TableLayout layout() {
    int width = toStdout() && Terminal.stdoutIsTerminal() ? Terminal.width(1) : 0;
    return new TableLayout(width, showSkipped);
  }

  /**
   * JSON is written row by row while the run goes on; the table and Markdown keep their rows in a
   * spool (memory, then a temporary file) and print them under the counts when the run ends. JUnit
   * and SARIF are made from the whole run.
   */
  boolean streams() {
    return format == ReportFormat.JSON || SpooledReport.spools(format);
  }

  /** Runs the audit with the report made as rows finish: memory stays bounded. */
  AuditRun stream(AuditSession session, boolean replicas, PrintWriter err) throws IOException {
    return format == ReportFormat.JSON
        ? streamJson(session, replicas, err)
        : streamSpooled(session, err);
  }

  /**
   * The table or Markdown of a run of any size: rows are kept in a spool as they finish and printed
   * under the counts at the end; an interrupt (or an internal error) prints the rows finished so
   * far, marked incomplete.
   */
  private AuditRun streamSpooled(AuditSession session, PrintWriter err) throws IOException {
    try (SpooledReport report =
        SpooledReport.open(
            format,
            color(),
            notes,
            format == ReportFormat.TABLE ? layout() : TableLayout.DEFAULT,
            session.targets())) {
      InterruptGuard guard =
          InterruptGuard.install(
              session::interruptStream,
              run -> {
                printSpooled(report, run, false);
                report.close(); // the JVM is going down: no temporary file is left behind
              },
              err);
      AuditRun run;
      try {
        run = session.stream(report);
      } catch (RuntimeException | Error failure) {
        try {
          printSpooled(report, session.interruptStream(), false);
        } catch (RuntimeException | IOException | Error ignored) {
          failure.addSuppressed(ignored);
        }
        throw failure;
      } finally {
        guard.disarm();
      }
      printSpooled(report, run, true);
      return run;
    }
  }

  /** Prints the spooled report once, to stdout or (atomically) to the output file. */
  private void printSpooled(SpooledReport report, AuditRun run, boolean complete)
      throws IOException {
    synchronized (report) {
      if (report.printed()) {
        return;
      }
      if (toStdout()) {
        PrintWriter out = spec.commandLine().getOut();
        report.print(run, complete, out);
        out.flush();
        if (out.checkError()) {
          throw new UserException(
              "cannot write the report to standard output (disk full, or the reader went away)");
        }
        return;
      }
      AtomicFiles.Output file = openFile();
      try {
        Writer out =
            new java.io.BufferedWriter(
                new java.io.OutputStreamWriter(
                    file.stream(), java.nio.charset.StandardCharsets.UTF_8));
        report.print(run, complete, out);
        out.flush();
        file.commit();
      } catch (IOException | java.io.UncheckedIOException e) {
        IOException cause =
            e instanceof IOException io ? io : ((java.io.UncheckedIOException) e).getCause();
        throw new UserException(
            "cannot write " + output + ": " + reason(cause) + "; check the path and permissions");
      } finally {
        file.close();
      }
    }
  }

  /**
   * Runs the audit with its JSON report written as rows finish: memory stays bounded whatever the
   * number of rows. An interrupt writes the rows not finished as UNFINISHED and closes the
   * document, marked incomplete; a failed write is one line.
   */
  private AuditRun streamJson(AuditSession session, boolean replicas, PrintWriter err)
      throws IOException {
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
      } catch (RuntimeException | Error failure) {
        // A bug or an out-of-memory mid-run: what finished is already written; close the document
        // (the rest UNFINISHED, complete: false) so it stays valid JSON, then report the failure.
        try {
          json.finish(session.interruptStream(), false);
          out.flush();
          if (file != null) {
            file.commit();
          }
        } catch (RuntimeException | IOException | Error ignored) {
          failure.addSuppressed(ignored);
        }
        throw failure;
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
    Reports.renderer(
            format,
            color(),
            runNotes,
            format == ReportFormat.TABLE ? layout() : TableLayout.DEFAULT)
        .render(run, text);
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
