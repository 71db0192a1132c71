package dev.corsaudit.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corsaudit.report.ReportJson;
import dev.corsaudit.result.ReportDocument;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A report row's key: path and method only when the row names its path, "" for absent text. */
class RowKeyTest {

  private static ReportDocument.Row row(Consumer<ObjectNode> change) throws Exception {
    ObjectNode report = ReportValidatorTest.valid();
    change.accept((ObjectNode) report.get("results").get(0));
    return ReportJson.read(new ObjectMapper().writeValueAsString(report)).results().get(0);
  }

  @Test
  void aRowWithoutPathIsKeyedByIdProfileAndOrigin() throws Exception {
    assertEquals(new RowKey("a", "fetch", "https://app.example.com"), RowKey.of(row(r -> {})));
  }

  @Test
  void aRowWithAPathIsKeyedByPathAndMethodToo() throws Exception {
    RowKey key = RowKey.of(row(r -> r.put("path", "/v1/chat")));
    assertEquals(new RowKey("a", "/v1/chat", "POST", "fetch", "https://app.example.com"), key);
    assertEquals("a POST /v1/chat (fetch @ https://app.example.com)", key.toString());
  }

  @Test
  void absentTextIsEmpty() throws Exception {
    RowKey key =
        RowKey.of(
            row(
                r -> {
                  r.put("path", "/v1");
                  r.putNull("id");
                  r.putNull("method");
                  r.putNull("profile");
                  r.putNull("origin");
                }));
    assertEquals(new RowKey("", "/v1", "", "", ""), key);
  }
}
