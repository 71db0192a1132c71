package dev.corsaudit.report;

import dev.corsaudit.result.ReportDocument;
import dev.corsaudit.security.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Puts the JSON reports of {@code --shard 1/N} … {@code N/N} back together: the rows in the
 * unsharded order, the summary recounted, the findings in the unsharded order. Pure: it sees the
 * typed report model only. A missing, duplicated or foreign shard is an error, never a short
 * report.
 */
public final class ShardMerge {

  private ShardMerge() {}

  /** A named shard report (the name is the file, for messages). */
  public record Part(String name, ReportDocument report) {}

  /** Why the shards do not make one report; the message is for the user. */
  public static final class MergeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MergeException(String message) {
      super(message);
    }
  }

  public static ReportDocument merge(List<Part> parts) {
    if (parts.isEmpty()) {
      throw new MergeException("no shard reports given");
    }
    Part first = parts.get(0);
    ReportDocument.ShardInfo head = info(first);
    TreeMap<Integer, Part> byIndex = new TreeMap<>();
    for (Part part : parts) {
      ReportDocument.ShardInfo info = info(part);
      if (info.count() != head.count() || info.plannedRows() != head.plannedRows()) {
        throw new MergeException(
            part.name()
                + " is shard "
                + info.index()
                + "/"
                + info.count()
                + " of a "
                + info.plannedRows()
                + "-row plan, but "
                + first.name()
                + " is of "
                + head.count()
                + " shards of a "
                + head.plannedRows()
                + "-row plan: they are not shards of one run");
      }
      Part other = byIndex.put(info.index(), part);
      if (other != null) {
        throw new MergeException(
            "shard "
                + info.index()
                + "/"
                + info.count()
                + " is given twice ("
                + other.name()
                + " and "
                + part.name()
                + ")");
      }
      sameRun(first, part);
    }
    List<String> missing = new ArrayList<>();
    for (int i = 1; i <= head.count(); i++) {
      if (!byIndex.containsKey(i)) {
        missing.add(i + "/" + head.count());
      }
    }
    if (!missing.isEmpty()) {
      throw new MergeException(
          "shard" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + " missing");
    }
    ReportDocument.Row[] rows = new ReportDocument.Row[head.plannedRows()];
    List<ReportDocument.Finding> findings = new ArrayList<>();
    String generatedAt = first.report().generatedAt();
    for (Part part : byIndex.values()) {
      ReportDocument report = part.report();
      List<Integer> positions = report.shard().rows();
      if (positions.size() != report.results().size()) {
        throw new MergeException(part.name() + ": shard.rows does not match its results");
      }
      for (int i = 0; i < positions.size(); i++) {
        int at = positions.get(i);
        if (at < 0 || at >= rows.length || rows[at] != null) {
          throw new MergeException(part.name() + ": row position " + at + " is out of place");
        }
        rows[at] = report.results().get(i);
      }
      findings.addAll(report.findings());
      if (report.generatedAt() != null
          && (generatedAt == null || report.generatedAt().compareTo(generatedAt) > 0)) {
        generatedAt = report.generatedAt();
      }
    }
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] == null) {
        throw new MergeException("no shard has row " + i + " of the plan");
      }
    }
    // The unsharded order: by severity, then provider; a provider's findings come from one shard.
    findings.sort(
        Comparator.comparing((ReportDocument.Finding f) -> severity(f.severity()))
            .thenComparing(ReportDocument.Finding::provider));
    List<ReportDocument.Row> results = Arrays.asList(rows);
    boolean insecure = parts.stream().anyMatch(p -> p.report().insecure());
    boolean complete = parts.stream().allMatch(p -> !Boolean.FALSE.equals(p.report().complete()));
    return new ReportDocument(
        first.report().tool(),
        first.report().schemaVersion(),
        first.report().replicas(),
        insecure,
        results,
        generatedAt,
        complete,
        ReportDocument.Summary.of(results),
        first.report().securityProbed(),
        findings);
  }

  private static ReportDocument.ShardInfo info(Part part) {
    ReportDocument.ShardInfo info = part.report().shard();
    if (info == null) {
      throw new MergeException(
          part.name() + " is not a shard's report (make shards with --shard I/N --format json)");
    }
    return info;
  }

  private static void sameRun(Part first, Part part) {
    ReportDocument a = first.report();
    ReportDocument b = part.report();
    if (!a.tool().equals(b.tool())
        || a.schemaVersion() != b.schemaVersion()
        || a.replicas() != b.replicas()
        || a.securityProbed() != b.securityProbed()) {
      throw new MergeException(
          part.name()
              + " was made differently from "
              + first.name()
              + " (tool version, replicas or security probes differ)");
    }
  }

  private static int severity(String name) {
    try {
      return Severity.valueOf(name).ordinal();
    } catch (IllegalArgumentException | NullPointerException e) {
      return Severity.values().length;
    }
  }
}
