package dev.corsaudit.report;

import dev.corsaudit.grade.Cause;
import dev.corsaudit.grade.CauseCode;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.Escape;
import dev.corsaudit.result.RowStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table's rows as they arrive: each shown row's cells, note lines and cause lines go to a
 * {@link RowSpool}; what the layout needs from all rows (column widths, whether any row has a
 * browser result, skipped rows folded by reason, shared network errors) is kept as it goes. Memory
 * stays bounded whatever the number of rows. Every cell is escaped for the terminal here: cells can
 * carry server text (error messages), and nothing may reach the terminal raw.
 */
final class TableRows implements KeptRows {

  static final String[] HEADER = {
    "#", "PROVIDER", "PROFILE", "ORIGIN", "STATUS", "VERDICT", "BROWSER", "CAUSE"
  };

  /** The column dropped when no row was replayed in a browser. */
  static final int BROWSER_COLUMN = 6;

  /** One shown row read back: its cells, its note lines, its cause lines. */
  record Row(String[] cells, List<String> notes, List<CauseLine> causes) {}

  /**
   * "n. id: message" and its fix, already escaped; {@code code} decides whether a group says it.
   */
  record CauseLine(CauseCode code, String text, String fix) {}

  /** Skipped rows of one reason: how many, and the distinct ids they name. */
  record Folded(int rows, Set<String> ids) {}

  private final boolean showSkipped;
  private final RowSpool spool = new RowSpool();
  private final int[] widths = new int[HEADER.length];
  private final Map<String, Folded> folded = new LinkedHashMap<>();
  private final ErrorGroups.Tally errors = new ErrorGroups.Tally();
  private boolean browser;
  private int shown;

  TableRows(boolean showSkipped) {
    this.showSkipped = showSkipped;
    for (int i = 0; i < HEADER.length; i++) {
      widths[i] = HEADER[i].length();
    }
  }

  @Override
  public void add(AuditResult result) {
    if (result.status() == RowStatus.SKIPPED && !showSkipped) {
      String reason = String.valueOf(result.skipReason());
      Folded before = folded.getOrDefault(reason, new Folded(0, new LinkedHashSet<>()));
      before.ids().add(RowView.id(result));
      folded.put(reason, new Folded(before.rows() + 1, before.ids()));
      return;
    }
    shown++;
    browser |= result.confirmation() != null;
    errors.add(shown, result);
    Cause cause = RowView.firstCause(result);
    String why =
        result.verdict() == null ? result.skipReason() : cause == null ? "" : cause.code().name();
    if (result.lastGraded() != null) {
      why += " (" + RunLabels.lastGraded(result) + ")";
    }
    String[] cells = {
      Integer.toString(shown),
      RowView.id(result),
      result.target().profile(),
      result.target().request().origin(),
      RowView.status(result),
      result.status().name(),
      RowView.browserCell(result),
      why
    };
    List<String> record = new ArrayList<>();
    for (int i = 0; i < cells.length; i++) {
      cells[i] = Escape.terminal(cells[i]);
      widths[i] = Math.max(widths[i], cells[i].length());
      record.add(cells[i]);
    }
    List<String> notes = new ArrayList<>();
    List<Cause> causes = new ArrayList<>();
    if (result.verdict() != null) {
      causes.addAll(result.verdict().causes());
      for (Cause warning : result.verdict().warnings()) {
        if (warning.code().engineSplit()) {
          // Engine splits matter even on a PASS: the row may fail in Firefox or per the spec; they
          // are listed with the causes, as "(engines)".
          causes.add(warning);
        } else {
          notes.add(
              "   note: " + warning.code().name() + ": " + Escape.terminal(warning.message()));
        }
      }
    }
    record.add(Integer.toString(notes.size()));
    record.addAll(notes);
    for (Cause c : causes) {
      String label = c.code().kind() == CauseCode.Kind.WARNING ? " (engines): " : ": ";
      record.add(c.code().name());
      record.add(
          shown
              + ". "
              + Escape.terminal(RowView.id(result))
              + label
              + Escape.terminal(c.message()));
      record.add("   fix: " + Escape.terminal(c.fix()));
    }
    spool.add(record);
  }

  /** Whether any row was replayed in a real browser (the BROWSER column is shown then). */
  boolean browser() {
    return browser;
  }

  /** The widest cell of each column, header included, over every shown row. */
  int[] widths() {
    return widths.clone();
  }

  Map<String, Folded> folded() {
    return folded;
  }

  List<ErrorGroups.Group> errorGroups() {
    return errors.groups();
  }

  /** Every shown row, in order; may be called more than once. */
  void forEach(RowConsumer consumer) throws IOException {
    spool.forEach(
        fields -> {
          String[] cells = fields.subList(0, HEADER.length).toArray(String[]::new);
          int at = HEADER.length;
          int noteCount = Integer.parseInt(fields.get(at++));
          List<String> notes = fields.subList(at, at + noteCount);
          at += noteCount;
          List<CauseLine> causes = new ArrayList<>();
          for (; at < fields.size(); at += 3) {
            causes.add(
                new CauseLine(
                    CauseCode.valueOf(fields.get(at)), fields.get(at + 1), fields.get(at + 2)));
          }
          consumer.accept(new Row(cells, notes, causes));
        });
  }

  /** Takes one row. */
  interface RowConsumer {
    void accept(Row row) throws IOException;
  }

  @Override
  public void close() throws IOException {
    spool.close();
  }
}
