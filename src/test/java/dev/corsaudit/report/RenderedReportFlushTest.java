package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every format reaches a buffered destination in full when rendering returns. */
class RenderedReportFlushTest {

  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void theWholeReportIsFlushed(ReportFormat format) throws Exception {
    StringWriter sink = new StringWriter();
    BufferedWriter out = new BufferedWriter(sink, 1 << 20);
    Reports.renderer(format, false).render(ReportFixtures.seedRun(), out);
    StringWriter direct = new StringWriter();
    Reports.renderer(format, false).render(ReportFixtures.seedRun(), direct);
    assertEquals(direct.toString(), sink.toString(), format + " stayed in the buffer");
  }
}
