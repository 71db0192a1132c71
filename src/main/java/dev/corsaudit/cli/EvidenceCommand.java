package dev.corsaudit.cli;

import dev.corsaudit.evidence.EvidenceRenderer;
import dev.corsaudit.report.Escape;
import dev.corsaudit.report.SecretMask;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
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
  @Mixin OutputOptions outputOptions;

  @Option(
      names = "--actual",
      description = "Also send the actual request after a passing preflight.")
  boolean actual;

  @Override
  public Integer call() throws Exception {
    targetOptions.only = List.of(providerId);
    AuditRun run =
        CheckCommand.execute(targetOptions, networkOptions, outputOptions, actual, false);
    PrintWriter out = spec.commandLine().getOut();
    boolean first = true;
    for (AuditResult result : run.results()) {
      if (!first) {
        out.println();
      }
      first = false;
      if (result.target().skipped()) {
        out.println(
            "### "
                + Escape.markdownText(result.target().provider().name())
                + ": skipped ("
                + result.target().skipReason()
                + ")");
        continue;
      }
      out.print(
          EvidenceRenderer.render(
              result,
              run.generatedAt(),
              run.toolVersion(),
              SecretMask.of(outputOptions.notes().secrets())));
    }
    out.flush();
    if (out.checkError()) {
      throw new dev.corsaudit.UserException(
          "cannot write the evidence to standard output (disk full, or the reader went away)");
    }
    return ExitCodes.forRun(run);
  }
}
