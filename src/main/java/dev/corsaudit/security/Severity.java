package dev.corsaudit.security;

/** How bad a security finding is, most severe first. */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  INFO;

  /** CRITICAL and HIGH findings fail the run (exit 1) whatever the rows say. */
  public boolean failsRun() {
    return this == CRITICAL || this == HIGH;
  }
}
