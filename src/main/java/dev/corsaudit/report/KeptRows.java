package dev.corsaudit.report;

import dev.corsaudit.result.AuditResult;
import java.io.IOException;

/**
 * A human report's rows as they arrive, kept (in a {@link RowSpool}) with what the layout needs
 * from all of them, until the report is printed under the run's counts.
 */
interface KeptRows extends AutoCloseable {
  void add(AuditResult result);

  @Override
  void close() throws IOException;
}
