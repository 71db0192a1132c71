package dev.corsaudit.cli;

import dev.corsaudit.audit.AuditListener;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every auditing command shows while it runs: progress, colour, stack traces. */
public final class DisplayOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

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

  /** The progress line on stderr, or nothing when quiet or not on a terminal. */
  AuditListener progress() {
    if (quiet || !Terminal.stderrIsTerminal()) {
      return AuditListener.NONE;
    }
    return new ProgressLine(spec.commandLine().getErr());
  }

  boolean color() {
    return !noColor && System.getenv("NO_COLOR") == null && Terminal.stdoutIsTerminal();
  }
}
