package dev.corsaudit.report;

/** Picks the renderer for a format. */
public final class Reports {
  private Reports() {}

  public static ReportRenderer renderer(ReportFormat format, boolean color) {
    return switch (format) {
      case TABLE -> new TableReport(color);
      case MARKDOWN -> new MarkdownReport();
      case JSON -> new JsonReport();
      case JUNIT -> new JunitReport();
      case SARIF -> new SarifReport();
    };
  }
}
