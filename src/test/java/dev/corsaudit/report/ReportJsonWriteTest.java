package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corsaudit.result.ReportDocument;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A report read and written again is the same bytes, an incomplete run and a shard included. */
class ReportJsonWriteTest {

  private static final Path SEED = Path.of("src/test/resources/report/golden/seed.json");

  @Test
  void aReportReadAndWrittenIsTheSameBytes() throws IOException {
    String seed = Files.readString(SEED);
    assertEquals(seed, ReportJson.write(ReportJson.read(seed)));
  }

  @Test
  void anIncompleteRunStaysIncomplete() throws IOException {
    String incomplete =
        Files.readString(SEED).replace("\"complete\" : true", "\"complete\" : false");
    assertEquals(incomplete, ReportJson.write(ReportJson.read(incomplete)));
  }

  @Test
  void aShardsReportKeepsItsShardLast() throws IOException {
    ObjectNode tree = (ObjectNode) ReportJson.MAPPER.readTree(SEED.toFile());
    tree.putObject("shard")
        .put("index", 2)
        .put("count", 3)
        .put("planned_rows", 20)
        .putArray("rows")
        .add(1)
        .add(4);
    String text = ReportJson.write(ReportJson.read(tree));
    assertTrue(
        text.endsWith(
            "\"shard\" : {\n    \"index\" : 2,\n    \"count\" : 3,\n    \"planned_rows\" : 20,\n"
                + "    \"rows\" : [ 1, 4 ]\n  }\n}\n"),
        text);
    assertEquals(
        new ReportDocument.ShardInfo(2, 3, 20, List.of(1, 4)), ReportJson.read(text).shard());
  }

  @Test
  void theFiveArgumentEndWritesAnUnshardedReport() throws IOException {
    ReportDocument seed = ReportJson.read(Files.readString(SEED));
    StringWriter out = new StringWriter();
    try (JsonReportWriter writer = new JsonReportWriter(out)) {
      writer.begin(seed.tool(), seed.replicas(), seed.insecure());
      for (ReportDocument.Row row : seed.results()) {
        writer.row(row);
      }
      writer.end(seed.generatedAt(), true, seed.summary(), seed.securityProbed(), seed.findings());
    }
    assertEquals(Files.readString(SEED), out.toString());
  }

  @Test
  void eachRowAndTheEndReachTheWriterAtOnce() throws IOException {
    ReportDocument seed = ReportJson.read(Files.readString(SEED));
    StringWriter out = new StringWriter();
    JsonReportWriter writer = new JsonReportWriter(out);
    writer.begin(seed.tool(), seed.replicas(), seed.insecure());
    writer.row(seed.results().get(0));
    assertTrue(out.toString().contains("\"id\" : \"openrouter\""), "the row is out, unclosed");
    writer.end(seed.generatedAt(), true, seed.summary(), seed.securityProbed(), seed.findings());
    assertTrue(out.toString().endsWith("} ]\n}\n"), "the end is out before close");
    writer.close();
  }

  @Test
  void closingBeforeTheEndStillClosesTheDocument() throws IOException {
    ReportDocument seed = ReportJson.read(Files.readString(SEED));
    StringWriter out = new StringWriter();
    JsonReportWriter writer = new JsonReportWriter(out);
    writer.begin(seed.tool(), seed.replicas(), seed.insecure());
    writer.row(seed.results().get(0));
    writer.close();
    assertEquals(1, ReportJson.MAPPER.readTree(out.toString()).path("results").size());
  }

  @Test
  void whatIsNoReportIsRefused() {
    assertEquals(
        "not a cors-audit JSON report (no \"tool\")",
        assertThrows(ReportJson.ReportFormatException.class, () -> ReportJson.read("{}"))
            .getMessage());
    assertEquals(
        "not a cors-audit JSON report (no \"tool\")",
        assertThrows(ReportJson.ReportFormatException.class, () -> ReportJson.read("null"))
            .getMessage());
  }

  @Test
  void aReportOfANewerSchemaIsRefused() throws IOException {
    String newer =
        Files.readString(SEED)
            .replace(
                "\"schema_version\" : " + ReportDocument.SCHEMA_VERSION,
                "\"schema_version\" : " + (ReportDocument.SCHEMA_VERSION + 1));
    assertEquals(
        "made by a newer cors-audit (schema_version "
            + (ReportDocument.SCHEMA_VERSION + 1)
            + "; this version reads up to "
            + ReportDocument.SCHEMA_VERSION
            + ")",
        assertThrows(ReportJson.ReportFormatException.class, () -> ReportJson.read(newer))
            .getMessage());
    String same = Files.readString(SEED);
    assertEquals(ReportDocument.SCHEMA_VERSION, ReportJson.read(same).schemaVersion());
  }
}
