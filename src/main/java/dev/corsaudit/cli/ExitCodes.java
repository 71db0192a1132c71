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

  private ExitCodes() {}
}
