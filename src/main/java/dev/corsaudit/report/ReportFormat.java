package dev.corsaudit.report;

/** The output formats; each is a contract (golden-file tested). */
public enum ReportFormat {
  TABLE,
  MARKDOWN,
  JSON,
  JUNIT,
  SARIF
}
