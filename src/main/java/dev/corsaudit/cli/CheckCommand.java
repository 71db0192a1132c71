package dev.corsaudit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Audits endpoints: providers.yaml (or --url) → probe → grade → report. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Send CORS preflights and grade them as a browser would.")
public final class CheckCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return ExitCodes.OK;
  }
}
