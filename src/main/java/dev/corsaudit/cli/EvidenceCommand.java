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
    description = {
      "Re-probe one provider and print a Markdown block for its issue tracker: the request as a",
      "curl command, the response verbatim, date and tool version, the verdict with the browsers'",
      "console lines, and the fix (headers and an endpoint CORS policy). Secrets are redacted.",
    },
    footerHeading = "%nExit codes:%n",
    footer = {"  0 PASS, 1 FAIL, 2 bad usage or unknown provider, 3 ERROR (as for check)"})
public final class EvidenceCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "PROVIDER_ID",
      description = "The provider's id in providers.yaml.")
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
        Audits.request(targetOptions, List.of(providerId), networkOptions)
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
    return ExitCodes.forRun(run);
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
