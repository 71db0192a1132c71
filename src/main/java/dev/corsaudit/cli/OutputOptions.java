package dev.corsaudit.cli;

import dev.corsaudit.UserException;
import dev.corsaudit.audit.AuditListener;
import dev.corsaudit.report.AtomicFiles;
import dev.corsaudit.report.ReportFormat;
import dev.corsaudit.report.Reports;
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
      description = "Write the report to FILE (atomically) instead of stdout.")
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
        && output == null
        && System.getenv("NO_COLOR") == null
        && Terminal.stdoutIsTerminal();
  }

  void write(AuditRun run) throws IOException {
    StringWriter text = new StringWriter();
    Reports.renderer(format, color()).render(run, text);
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
      return;
    }
    try {
      AtomicFiles.write(output, text.toString());
    } catch (IOException e) {
      throw new UserException(
          "cannot write " + output + ": " + e.getMessage() + "; check the path and permissions");
    }
  }
}
