package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.AuditTarget;
import java.io.BufferedWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streamed report reaches a buffered destination when the run finishes, and when the stream is
 * closed without finishing (an interrupted run), the rows written so far do.
 */
class JsonRowStreamFlushTest {

  private static final AuditRun RUN = ReportFixtures.seedRun();
  private static final List<AuditTarget> TARGETS =
      RUN.results().stream().map(AuditResult::target).toList();

  @Test
  void finishingFlushesTheWholeReport() throws Exception {
    StringWriter sink = new StringWriter();
    BufferedWriter out = new BufferedWriter(sink, 1 << 16);
    JsonRowStream stream = new JsonRowStream(out, TARGETS, RUN.replicas(), RunNotes.DEFAULT);
    for (AuditResult row : RUN.results()) {
      stream.row(row);
    }
    stream.finish(RUN, true);
    assertTrue(sink.toString().endsWith("} ]\n}\n"), sink.toString());
  }

  @Test
  void closingWithoutFinishingFlushesTheRowsSoFar() throws Exception {
    StringWriter sink = new StringWriter();
    BufferedWriter out = new BufferedWriter(sink, 1 << 16);
    try (JsonRowStream stream = new JsonRowStream(out, TARGETS, RUN.replicas(), RunNotes.DEFAULT)) {
      stream.row(RUN.results().get(0));
    }
    assertTrue(sink.toString().contains("\"id\" : \"openrouter\""), sink.toString());
  }
}
