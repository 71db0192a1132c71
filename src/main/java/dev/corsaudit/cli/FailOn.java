package dev.corsaudit.cli;

import dev.corsaudit.result.AuditRun;

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

  int exitCode(AuditRun run, boolean regression) {
    int verdicts = ExitCodes.forRun(run);
    return switch (this) {
      case NEVER -> ExitCodes.OK;
      case REGRESSION -> regression ? ExitCodes.FAIL : ExitCodes.OK;
      case FAIL -> verdicts == ExitCodes.FAIL ? ExitCodes.FAIL : ExitCodes.OK;
      case ERROR -> verdicts;
    };
  }
}
