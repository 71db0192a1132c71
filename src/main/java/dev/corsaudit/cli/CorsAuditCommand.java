package dev.corsaudit.cli;

import dev.corsaudit.model.ToolVersion;
import picocli.CommandLine.Command;

/** The root command: only dispatches to subcommands. */
@Command(
    name = "cors-audit",
    mixinStandardHelpOptions = true,
    versionProvider = CorsAuditCommand.Version.class,
    description = "Tells whether a browser will let a web app call an LLM API directly.",
    subcommands = {
      picocli.CommandLine.HelpCommand.class,
      CheckCommand.class,
      ReportCommand.class,
      DiffCommand.class,
      MergeCommand.class,
      EvidenceCommand.class,
      PolicyCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0    every audited endpoint PASSes",
      "  1    a FAIL (a browser would block the request), a CRITICAL/HIGH security finding,",
      "       or (with --fail-on regression) a regression",
      "  2    bad usage or bad input (unknown option, invalid providers.yaml)",
      "  3    an ERROR (network failure) and no FAIL",
      "  4    internal error (a bug; rerun with --debug)",
      "  5    nothing was audited: every row was skipped (the line on stderr says why)",
      "  130  interrupted (Ctrl-C); the results gathered so far were written",
      "See 'cors-audit help COMMAND' or 'cors-audit COMMAND --help'.",
    })
public final class CorsAuditCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final class Version implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {ToolVersion.NAME + " " + ToolVersion.version()};
    }
  }
}
