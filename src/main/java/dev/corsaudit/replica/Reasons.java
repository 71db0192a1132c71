package dev.corsaudit.replica;

import dev.corsaudit.report.HttpReasons;

/** Reason phrases for the replica's status lines. */
final class Reasons {
  private Reasons() {}

  static String of(int status) {
    String reason = HttpReasons.of(status);
    return reason.isEmpty() ? "Status" : reason;
  }
}
