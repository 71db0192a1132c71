package dev.corsaudit.security;

/** How bad a security finding is, most severe first. */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  INFO
}
