package dev.corsaudit.cli;

/**
 * Which findings make the exit code non-zero. {@code error} is the strictest and check's default (1
 * on FAIL, 3 on ERROR); {@code fail} tolerates network errors; {@code regression} fails only on
 * rows that got worse than the baseline, for nightly jobs that publish known failures.
 */
public enum FailOn {
  FAIL,
  REGRESSION,
  ERROR,
  NEVER;

  /**
   * @param verdicts the exit code the rows call for ({@link ExitCodes#forRun}); {@link
   *     ExitCodes#NOTHING_AUDITED} wins over every setting but never
   * @param regression whether some row got worse than the baseline
   */
  int exitCode(int verdicts, boolean regression) {
    if (verdicts == ExitCodes.NOTHING_AUDITED) {
      return this == NEVER ? ExitCodes.OK : ExitCodes.NOTHING_AUDITED;
    }
    return switch (this) {
      case NEVER -> ExitCodes.OK;
      case REGRESSION -> regression ? ExitCodes.FAIL : ExitCodes.OK;
      case FAIL -> verdicts == ExitCodes.FAIL ? ExitCodes.FAIL : ExitCodes.OK;
      case ERROR -> verdicts;
    };
  }
}
