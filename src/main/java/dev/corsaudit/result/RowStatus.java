package dev.corsaudit.result;

import dev.corsaudit.grade.Outcome;

/**
 * What became of one row: graded (PASS, FAIL, ERROR), not probed in this run (SKIPPED), or cut
 * short by an interrupt (UNFINISHED). The JSON's {@code verdict} field carries this name.
 */
public enum RowStatus {
  PASS,
  FAIL,
  ERROR,
  SKIPPED,
  UNFINISHED;

  public static RowStatus of(Outcome outcome) {
    return switch (outcome) {
      case PASS -> PASS;
      case FAIL -> FAIL;
      case ERROR -> ERROR;
    };
  }

  /** True for rows that were graded (they count towards the exit code). */
  public boolean graded() {
    return this == PASS || this == FAIL || this == ERROR;
  }
}
