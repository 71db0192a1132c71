package dev.corsaudit.audit;

import dev.corsaudit.result.AuditResult;

/** Told about progress, e.g. to draw a progress line. Called from probe threads. */
public interface AuditListener {
  void started(int total);

  void finished(AuditResult result);

  /** Every row and probe has finished; the run is about to be returned. */
  default void done() {}

  AuditListener NONE =
      new AuditListener() {
        @Override
        public void started(int total) {}

        @Override
        public void finished(AuditResult result) {}
      };
}
