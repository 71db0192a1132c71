package dev.corsaudit.cli;

import dev.corsaudit.model.ToolVersion;
import picocli.CommandLine.Command;

/** The root command: only dispatches to subcommands. */
@Command(
    name = "cors-audit",
    mixinStandardHelpOptions = true,
    versionProvider = CorsAuditCommand.Version.class,
    header = "Tells whether a browser will let a web app call an LLM API directly.",
    description = {
      "Sends CORS preflights exactly as Chromium, Firefox and WebKit would and grades each answer"
          + " as each engine does: PASS, FAIL with the causes and the fix, or ERROR when the"
          + " network failed. Start with 'cors-audit check --replicas' (offline, built-in"
          + " replicas).",
    },
    subcommands = {
      picocli.CommandLine.HelpCommand.class,
      CheckCommand.class,
      ReportCommand.class,
      DiffCommand.class,
      MergeCommand.class,
      EvidenceCommand.class,
      PolicyCommand.class,
      picocli.AutoComplete.GenerateCompletion.class
    },
    exitCodeList = {
      "0:every audited endpoint passes",
      "1:a FAIL (a browser would block the request), a CRITICAL/HIGH security finding, or"
          + " (with --fail-on regression) a regression",
      "2:bad usage or bad input (unknown option, invalid providers.yaml)",
      "3:an ERROR (network failure) and no FAIL",
      "4:internal error (a bug; rerun with --debug)",
      "5:nothing was audited: every row was skipped (the line on stderr says why)",
      "130:interrupted (Ctrl-C); the results gathered so far were written",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  # Will a page on http://localhost:3000 reach each provider? (offline replicas)",
      "  cors-audit check --replicas --origin http://localhost:3000",
      "",
      "  # The same against the real endpoints, for two providers only",
      "  cors-audit check --only openrouter,groq --origin http://localhost:3000",
      "",
      "  # One endpoint of your own, with the OpenAI SDK's headers",
      "  cors-audit check --url https://api.example.com/v1/chat/completions \\",
      "      --profile openai-sdk --origin https://app.example.com",
      "",
      "  # Paste-ready evidence for a provider's issue tracker",
      "  cors-audit evidence groq",
      "",
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
