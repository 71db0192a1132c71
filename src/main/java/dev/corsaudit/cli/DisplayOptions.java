package dev.corsaudit.cli;

import dev.corsaudit.audit.AuditListener;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every auditing command shows while it runs: progress and stack traces. */
public final class DisplayOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress line on stderr.")
  boolean quiet;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  @Option(
      names = {"-v", "--verbose"},
      description =
          "Print each exchange on stderr as it finishes, like curl -v: the request line and the"
              + " headers sent, the status line and every response header (secrets redacted).")
  boolean verbose;

  /** The progress line on stderr, or nothing when quiet or not on a terminal. */
  AuditListener progress(int concurrency) {
    if (verbose) {
      // The exchanges take stderr; a progress line would be torn by them.
      return new VerboseExchanges(spec.commandLine().getErr());
    }
    if (quiet || !Terminal.stderrIsTerminal()) {
      return AuditListener.NONE;
    }
    return new ProgressLine(spec.commandLine().getErr(), Terminal.width(2), concurrency);
  }
}
