package dev.corsaudit.diff;

import dev.corsaudit.result.Escape;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a diff as Markdown, one bullet per changed row, most important first. */
public final class DiffRenderer {

  private DiffRenderer() {}

  public static String markdown(String oldName, String newName, List<RowChange> changes) {
    StringBuilder out = new StringBuilder();
    out.append("# cors-audit diff\n\n");
    out.append(Escape.code(oldName)).append(" → ").append(Escape.code(newName)).append("\n\n");
    if (changes.isEmpty()) {
      out.append("No changes.\n");
      return out.toString();
    }
    Map<RowChange.Kind, Integer> counts = new EnumMap<>(RowChange.Kind.class);
    changes.forEach(c -> counts.merge(c.kind(), 1, Integer::sum));
    out.append(
            counts.entrySet().stream()
                .map(e -> e.getValue() + " " + label(e.getKey()))
                .collect(Collectors.joining(", ")))
        .append("\n\n");
    for (RowChange change : changes) {
      out.append("- **").append(change.kind()).append("** ").append(display(change)).append(": ");
      out.append(describe(change)).append('\n');
    }
    return out.toString();
  }

  private static String display(RowChange change) {
    String name =
        change.name() == null || change.name().isEmpty() ? change.key().id() : change.name();
    // Everything here comes from report files, so from servers: escaped for Markdown and the
    // terminal alike.
    return Escape.markdownText(
        name + " (" + change.key().profile() + " @ " + change.key().origin() + ")");
  }

  private static String describe(RowChange c) {
    StringBuilder d = new StringBuilder();
    switch (c.kind()) {
      case ADDED ->
          d.append("new row, ")
              .append(c.newVerdict())
              .append(" (")
              .append(c.newStatus())
              .append(')');
      case REMOVED -> d.append("row no longer audited (was ").append(c.oldVerdict()).append(')');
      default -> {
        d.append(c.oldVerdict()).append(" → ").append(c.newVerdict());
        if (!java.util.Objects.equals(c.oldStatus(), c.newStatus())) {
          d.append(", status ").append(c.oldStatus()).append(" → ").append(c.newStatus());
        }
      }
    }
    if (!c.addedCauses().isEmpty()) {
      d.append("; new causes: ").append(String.join(", ", c.addedCauses()));
    }
    if (!c.removedCauses().isEmpty()) {
      d.append("; causes gone: ").append(String.join(", ", c.removedCauses()));
    }
    if (!c.addedHeaders().isEmpty()) {
      d.append("; headers now sent: ").append(codes(c.addedHeaders()));
    }
    if (!c.removedHeaders().isEmpty()) {
      d.append("; headers no longer sent: ").append(codes(c.removedHeaders()));
    }
    return Escape.terminal(d.toString());
  }

  private static String codes(List<String> items) {
    return items.stream().map(Escape::code).collect(Collectors.joining(", "));
  }

  private static String label(RowChange.Kind kind) {
    return switch (kind) {
      case REGRESSION -> "regression(s)";
      case NEW_ERROR -> "new error(s)";
      case FIXED -> "fixed";
      case CAUSES_CHANGED -> "with changed causes";
      case HEADERS_CHANGED -> "with changed headers";
      case ADDED -> "added";
      case REMOVED -> "removed";
    };
  }
}
