package dev.corsaudit.cli;

import dev.corsaudit.model.UserException;
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
      description = "Write the report to FILE (atomically) instead of stdout.")
  Path output;

  @Option(
      names = "--no-color",
      description = "Plain table output (also when NO_COLOR is set or stdout is not a terminal).")
  boolean noColor;

  boolean color() {
    return !noColor
        && output == null
        && System.getenv("NO_COLOR") == null
        && Terminal.stdoutIsTerminal();
  }

  /** Renders the run in the chosen format to stdout or the output file. */
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
