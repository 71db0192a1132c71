package dev.corsaudit.report;

import dev.corsaudit.result.AuditResult;
import java.io.IOException;
import java.util.List;

/**
 * The Markdown report's rows as they arrive: each summary-table line (origins of one provider that
 * got the same answer collapse into one, as {@link RowGroups} does) and each row's details section
 * go to a {@link RowSpool}; what the page says about all rows (the method, taken from the first
 * graded row; whether rows differ in profile or origin; shared network errors) is kept as it goes.
 * Whether rows differ changes every line's endpoint cell and heading, so the lines keep that part
 * apart until it is known.
 */
final class MarkdownRows implements KeptRows {

  private final RowSpool summary = new RowSpool();
  private final RowSpool details = new RowSpool();
  private final ErrorGroups.Tally errors = new ErrorGroups.Tally();
  private final RowGroups.Collector groups = new RowGroups.Collector(this::summaryLine);
  private String method;
  private String firstVariant;
  private boolean variants;
  private int rows;

  @Override
  public void add(AuditResult result) {
    rows++;
    String variant = result.target().profile() + " " + result.target().request().origin();
    if (firstVariant == null) {
      firstVariant = variant;
    } else if (!firstVariant.equals(variant)) {
      variants = true;
    }
    if (method == null && result.verdict() != null) {
      method = MarkdownReport.method(result.target());
    }
    errors.add(rows, result);
    groups.add(result);
    details.add(
        List.of(
            "### " + rows + ". " + MarkdownReport.text(RowView.name(result)),
            " ("
                + MarkdownReport.text(result.target().profile())
                + " @ "
                + MarkdownReport.text(result.target().request().origin())
                + ')',
            MarkdownReport.details(result)));
  }

  private void summaryLine(RowGroups.Group group) {
    AuditResult result = group.representative();
    String number =
        group.collapsed()
            ? group.firstNumber() + "–" + (group.firstNumber() + group.origins().size() - 1)
            : Integer.toString(group.firstNumber());
    String origins =
        group.collapsed()
            ? group.origins().size() + " origins: " + String.join(", ", group.origins())
            : result.target().request().origin();
    summary.add(
        List.of(
            "| " + number + " | " + MarkdownReport.cell(RowView.name(result)),
            " ("
                + MarkdownReport.cell(result.target().profile())
                + " @ "
                + MarkdownReport.cell(origins)
                + ')',
            MarkdownReport.summaryTail(result)));
  }

  /** How the rows were requested, from the first graded row; null when no row was graded. */
  String method() {
    return method;
  }

  /** Whether rows differ in header profile or origin (then each line and section names its own). */
  boolean variants() {
    return variants;
  }

  List<ErrorGroups.Group> errorGroups() {
    return errors.groups();
  }

  /** Every summary-table line, then (separately) every details section, in row order. */
  void forEachSummaryLine(RowSpool.RecordConsumer consumer) throws IOException {
    groups.flush();
    summary.forEach(consumer);
  }

  void forEachDetails(RowSpool.RecordConsumer consumer) throws IOException {
    details.forEach(consumer);
  }

  /**
   * A spooled summary line or details section: its start, the part naming the profile and origin
   * (only when rows differ in them), the rest.
   */
  static String join(List<String> parts, boolean variants) {
    return parts.get(0) + (variants ? parts.get(1) : "") + parts.get(2);
  }

  @Override
  public void close() throws IOException {
    try (summary) {
      details.close();
    }
  }
}
