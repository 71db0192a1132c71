package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sharded nightly: {@code report --shard I/N} per matrix job, {@code merge}, then {@code report
 * --from} the merged report writes the same latest.json and latest.md as one unsharded report.
 */
@Timeout(120)
class ShardedReportTest {

  private static String normalizedMarkdown(String md) {
    return md.replaceAll("Generated \\S+", "Generated T")
        .replaceAll("127\\.0\\.0\\.1:[0-9]+", "127.0.0.1:PORT");
  }

  @Test
  void shardsMergedThenReportedEqualOneReport(@TempDir Path dir) throws IOException {
    Path whole = dir.resolve("whole");
    CliRun one = CliRun.of("report", "--replicas", "--reports-dir", whole.toString(), "-q");
    assertTrue(one.code() != 2, one.err());

    Path sharded = dir.resolve("sharded");
    List<String> merge =
        new ArrayList<>(List.of("merge", "-o", dir.resolve("merged.json").toString()));
    for (int i = 1; i <= 3; i++) {
      CliRun shard =
          CliRun.of(
              "report",
              "--replicas",
              "--shard",
              i + "/3",
              "--reports-dir",
              sharded.toString(),
              "--fail-on",
              "regression",
              "-q");
      assertEquals(0, shard.code(), shard.err());
      assertTrue(shard.out().contains("wrote " + sharded.resolve("shards/" + i + "-of-3.json")));
      merge.add(sharded.resolve("shards/" + i + "-of-3.json").toString());
    }
    assertEquals(0, CliRun.of(merge.toArray(String[]::new)).code());

    Path published = dir.resolve("published");
    CliRun from =
        CliRun.of(
            "report",
            "--replicas",
            "--from",
            dir.resolve("merged.json").toString(),
            "--reports-dir",
            published.toString(),
            "-q");
    assertEquals(one.code(), from.code(), from.err());
    assertEquals(
        ShardMergeTest.normalized(Files.readString(whole.resolve("latest.json"))),
        ShardMergeTest.normalized(Files.readString(published.resolve("latest.json"))));
    assertEquals(
        normalizedMarkdown(Files.readString(whole.resolve("latest.md"))),
        normalizedMarkdown(Files.readString(published.resolve("latest.md"))));
    assertTrue(Files.exists(published.resolve("index.html")));
  }

  @Test
  void aReportOfOtherProvidersIsRefused(@TempDir Path dir) throws IOException {
    Path json = dir.resolve("demos.json");
    CliRun demos =
        CliRun.of(
            "check",
            "--replicas",
            "--providers",
            "demos/providers.yaml",
            "--format",
            "json",
            "-o",
            json.toString(),
            "--fail-on",
            "never");
    assertEquals(0, demos.code(), demos.err());
    CliRun from =
        CliRun.of(
            "report",
            "--replicas",
            "--from",
            json.toString(),
            "--reports-dir",
            dir.resolve("r").toString());
    assertEquals(2, from.code());
    assertTrue(from.err().contains("not of this providers file"), from.err());
  }
}
