package dev.corsaudit.cli;

import dev.corsaudit.audit.AuditRequest;
import dev.corsaudit.evidence.EvidenceRenderer;
import dev.corsaudit.model.UserException;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.Escape;
import dev.corsaudit.result.Redactor;
import dev.corsaudit.result.SecretMask;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Re-probes one provider and prints Markdown evidence ready to paste into its issue tracker. */
@Command(
    name = "evidence",
    mixinStandardHelpOptions = true,
    header = "Print paste-ready Markdown evidence for one provider's issue tracker.",
    description = {
      "Re-probes one provider and prints a Markdown block for its issue tracker: the request as"
          + " a curl command, the response verbatim, date and tool version, the verdict with the"
          + " browsers' console lines, and the fix (headers and an endpoint CORS policy)."
          + " Secrets are redacted.",
    },
    exitCodeList = {
      "0:PASS",
      "1:FAIL",
      "2:bad usage or an unknown provider id",
      "3:ERROR (the network failed)",
      "4:internal error (a bug; rerun with --debug)",
      "5:nothing was audited: the provider was skipped (stderr says why)",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  # Evidence for OpenCode Zen's tracker, from a local dev page",
      "  cors-audit evidence opencode-zen --origin http://localhost:3000",
      "",
      "  # With the actual request and the OpenAI SDK's headers",
      "  cors-audit evidence openrouter --actual --profile openai-sdk",
      "",
      "  # Offline, against the built-in replica (the curl names the real endpoint)",
      "  cors-audit evidence nvidia-nim --replicas",
      "",
      "  # Any endpoint, without a providers file",
      "  cors-audit evidence --url https://api.example.com/v1/chat/completions",
    })
public final class EvidenceCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PROVIDER_ID",
      description = "The provider's id in providers.yaml (or give --url URL instead).")
  String providerId;

  @Mixin TargetOptions targetOptions;
  @Mixin NetworkOptions networkOptions;
  @Mixin DisplayOptions displayOptions;

  @Option(
      names = "--actual",
      description = "Also send the actual request after a passing preflight.")
  boolean actual;

  @Override
  public Integer call() throws Exception {
    AuditRequest request =
        Audits.request(targetOptions, only(), networkOptions)
            .withActual(actual, targetOptions.stream, System.getenv());
    PrintWriter out = spec.commandLine().getOut();
    // The api_key_env values are masked wherever a server echoes them.
    extraSecrets =
        SecretMask.of(
            FormatOptions.notesFor(
                    networkOptions.insecure,
                    request.providers().providers(),
                    spec.commandLine().getErr())
                .secrets());
    AuditRun run = Audits.run(request, displayOptions, this::print);
    print(run);
    if (out.checkError()) {
      throw new UserException(
          "cannot write the evidence to standard output (disk full, or the reader went away)");
    }
    int code = ExitCodes.forRun(run);
    if (code == ExitCodes.NOTHING_AUDITED) {
      spec.commandLine().getErr().println(ExitCodes.nothingAuditedLine(run));
    }
    return code;
  }

  private List<String> only() {
    if (providerId == null && targetOptions.url == null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "name a PROVIDER_ID from providers.yaml, or give --url URL");
    }
    return providerId == null ? List.of() : List.of(providerId);
  }

  private SecretMask extraSecrets = SecretMask.NONE;

  private void print(AuditRun run) {
    PrintWriter out = spec.commandLine().getOut();
    boolean first = true;
    for (AuditResult result : run.results()) {
      if (!first) {
        out.println();
      }
      first = false;
      if (result.verdict() == null) {
        out.println(
            "### "
                + Escape.markdownText(Redactor.redactUrl(result.target().provider().name()))
                + ": skipped ("
                + Escape.markdownText(result.skipReason())
                + ")");
        continue;
      }
      out.print(
          EvidenceRenderer.render(result, run.generatedAt(), run.toolVersion(), extraSecrets));
    }
    out.flush();
  }
}
