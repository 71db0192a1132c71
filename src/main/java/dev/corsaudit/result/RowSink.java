package dev.corsaudit.result;

import java.io.IOException;

/**
 * Takes a run's rows one at a time, in row order, as they finish: what lets a report be written
 * while the run goes on, with memory that does not grow with the number of rows.
 */
public interface RowSink {
  void row(AuditResult result) throws IOException;
}
