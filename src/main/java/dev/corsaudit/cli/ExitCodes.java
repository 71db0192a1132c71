package dev.corsaudit.cli;

/**
 * What the exit code tells CI. A FAIL outranks an ERROR: a browser-visible breakage is the finding
 * a nightly job exists to catch, while a network error may be the runner's own network.
 */
public final class ExitCodes {
  /** Every audited row passed. */
  public static final int OK = 0;

  /** At least one row FAILed (a browser would block it). */
  public static final int FAIL = 1;

  /** Bad usage or bad input (unknown option, invalid providers.yaml, bad policy file). */
  public static final int USAGE = 2;

  /** At least one row could not be graded (network ERROR) and none FAILed. */
  public static final int ERROR = 3;

  /** A bug: an exception nobody anticipated (the message asks for --debug). */
  public static final int INTERNAL = 4;

  private ExitCodes() {}

  /**
   * The exit code a run calls for: a FAIL row or a CRITICAL/HIGH security finding → 1, else an
   * ERROR row → 3, else 0.
   */
  public static int forRun(dev.corsaudit.result.AuditRun run) {
    boolean severe =
        run.findings().stream()
            .anyMatch(
                f ->
                    f.severity() == dev.corsaudit.security.Severity.CRITICAL
                        || f.severity() == dev.corsaudit.security.Severity.HIGH);
    return severe ? FAIL : forResults(run.results());
  }

  /** The exit code a run's results call for: any FAIL → 1, else any ERROR → 3, else 0. */
  public static int forResults(java.util.List<dev.corsaudit.result.AuditResult> results) {
    boolean error = false;
    for (dev.corsaudit.result.AuditResult result : results) {
      if (result.verdict() == null) {
        continue;
      }
      switch (result.verdict().outcome()) {
        case FAIL:
          return FAIL;
        case ERROR:
          error = true;
          break;
        default:
          break;
      }
    }
    return error ? ERROR : OK;
  }
}
