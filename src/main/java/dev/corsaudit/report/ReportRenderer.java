package dev.corsaudit.report;

import dev.corsaudit.result.AuditRun;
import java.io.IOException;
import java.io.Writer;

/** Renders a finished run. Renderers see only the run: no network, no clock, no environment. */
public interface ReportRenderer {
  void render(AuditRun run, Writer out) throws IOException;
}
