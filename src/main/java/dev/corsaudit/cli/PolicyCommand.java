package dev.corsaudit.cli;

import dev.corsaudit.policy.CorsPolicy;
import dev.corsaudit.policy.PolicyException;
import dev.corsaudit.policy.PolicyParser;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Endpoint CORS policies in the seed-000 schema. */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    header = "Work with endpoint CORS policy bodies.",
    description =
        "Work with endpoint CORS policy bodies (allow_origins, allow_methods, allow_headers, ...).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  # Check a policy body before sending it to PUT .../cors",
      "  cors-audit policy lint policy.json",
      "",
      "  # YAML works too",
      "  cors-audit policy lint policy.yaml",
      "",
      "  # Help for the lint command",
      "  cors-audit policy lint --help",
    },
    subcommands = {PolicyCommand.Lint.class})
public final class PolicyCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Checks a policy body with the rules and exact messages of the CORS API that does it right. */
  @Command(
      name = "lint",
      mixinStandardHelpOptions = true,
      header = "Check a policy body as the endpoint would on PUT .../cors.",
      description =
          "Checks a policy body (JSON or YAML) with the rules and the exact messages of the"
              + " endpoint's CORS API, and prints what it allows.",
      exitCodeList = {
        "0:the body is a valid policy",
        "2:it is not (the message says why), or the file cannot be read"
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  # A JSON body",
        "  cors-audit policy lint policy.json",
        "",
        "  # A YAML body",
        "  cors-audit policy lint cors.yaml",
        "",
        "  # In a script: exit 2 when the body is invalid",
        "  cors-audit policy lint policy.json || echo 'fix the policy'",
      })
  public static final class Lint implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE.json", description = "The policy body.")
    Path file;

    @Override
    public Integer call() {
      try {
        CorsPolicy policy = PolicyParser.parseFile(file);
        spec.commandLine().getOut().println(file + ": valid policy (" + summary(policy) + ")");
        return ExitCodes.OK;
      } catch (PolicyException e) {
        spec.commandLine().getErr().println(file + ": " + e.getMessage());
        return ExitCodes.USAGE;
      } catch (NoSuchFileException e) {
        spec.commandLine().getErr().println(file + ": no such file");
        return ExitCodes.USAGE;
      } catch (IOException e) {
        spec.commandLine().getErr().println(file + ": cannot read (" + e.getMessage() + ")");
        return ExitCodes.USAGE;
      }
    }

    static String summary(CorsPolicy p) {
      return "allow_origins "
          + p.allowOrigins()
          + ", allow_methods "
          + p.allowMethods()
          + ", allow_headers "
          + p.allowHeaders()
          + ", allow_credentials "
          + p.allowCredentials()
          + ", expose_headers "
          + p.exposeHeaders()
          + ", max_age "
          + p.maxAge();
    }
  }
}
