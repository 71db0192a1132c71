package dev.corsaudit.report;

import dev.corsaudit.result.AuditResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The origin matrix, collapsed for people: consecutive rows of one provider and profile whose
 * origins all got the same answer (verdict, status, causes) read as one row listing the origins.
 */
final class RowGroups {

  /** One summary row: the first result stands for all, {@code origins} lists who it covers. */
  record Group(int firstNumber, AuditResult representative, List<String> origins) {
    boolean collapsed() {
      return origins.size() > 1;
    }
  }

  private RowGroups() {}

  static List<Group> of(List<AuditResult> results) {
    List<Group> groups = new ArrayList<>();
    Collector collector = new Collector(groups::add);
    results.forEach(collector::add);
    collector.flush();
    return groups;
  }

  /**
   * Groups rows as they arrive, in order: a group is handed on when a row that does not belong to
   * it comes (or on {@link #flush}), so only the open group is kept.
   */
  static final class Collector {
    private final Consumer<Group> done;
    private int number;
    private int firstNumber;
    private AuditResult first;
    private List<String> origins;

    Collector(Consumer<Group> done) {
      this.done = done;
    }

    void add(AuditResult result) {
      number++;
      if (first != null && sameRow(first, result)) {
        origins.add(result.target().request().origin());
        return;
      }
      flush();
      first = result;
      firstNumber = number;
      origins = new ArrayList<>(List.of(result.target().request().origin()));
    }

    /** Hands on the open group, if any. */
    void flush() {
      if (first != null) {
        done.accept(new Group(firstNumber, first, List.copyOf(origins)));
        first = null;
      }
    }
  }

  private static boolean sameRow(AuditResult a, AuditResult b) {
    return RowView.id(a).equals(RowView.id(b))
        && a.target().profile().equals(b.target().profile())
        && RowView.verdict(a).equals(RowView.verdict(b))
        && RowView.status(a).equals(RowView.status(b))
        && causeCodes(a).equals(causeCodes(b));
  }

  private static List<String> causeCodes(AuditResult result) {
    return result.verdict() == null
        ? List.of()
        : result.verdict().causes().stream().map(c -> c.code() + ":" + c.detail()).toList();
  }
}
