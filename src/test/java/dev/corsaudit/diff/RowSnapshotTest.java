package dev.corsaudit.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corsaudit.report.ReportJson;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The preflight status and CORS header lines a diff compares, from odd but readable rows. */
class RowSnapshotTest {

  private static RowSnapshot snapshot(Consumer<ObjectNode> preflight) throws Exception {
    ObjectNode report = ReportValidatorTest.valid();
    preflight.accept((ObjectNode) report.get("results").get(0).get("preflight"));
    return RowSnapshot.of(
        ReportJson.read(new ObjectMapper().writeValueAsString(report)).results().get(0));
  }

  @Test
  void aNetworkErrorIsItsKindOrError() throws Exception {
    assertEquals(
        "DNS", snapshot(p -> p.putObject("error").put("kind", "DNS").put("message", "m")).status());
    assertEquals(
        "ERROR", snapshot(p -> p.putObject("error").putNull("kind").put("message", "m")).status());
  }

  @Test
  void noStatusIsADash() throws Exception {
    assertEquals("-", snapshot(p -> p.putNull("status")).status());
    assertEquals("200", snapshot(p -> {}).status());
  }

  @Test
  void shortHeaderPairsReadAsEmpty() throws Exception {
    RowSnapshot snapshot =
        snapshot(
            p -> {
              p.putArray("headers")
                  .add(p.arrayNode())
                  .add(p.arrayNode().add("Vary"))
                  .add(p.arrayNode().add("Access-Control-Max-Age").add("5"));
            });
    assertEquals(List.of("vary: ", "access-control-max-age: 5"), snapshot.corsHeaders());
  }
}
