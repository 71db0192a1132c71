package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.result.ReportDocument;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shards of one run merge back into the unsharded report; anything else is refused. */
class ShardMergeUnitTest {

  private static final ReportDocument WHOLE = ReportModel.document(ReportFixtures.seedRun());

  /** Shard {@code index} of {@code count}: every count-th row, as --shard would pick by hash. */
  private static ReportDocument shard(int index, int count, int plannedRows) {
    List<ReportDocument.Row> rows = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < WHOLE.results().size(); i++) {
      if (i % count == index - 1) {
        rows.add(WHOLE.results().get(i));
        positions.add(i);
      }
    }
    return new ReportDocument(
        WHOLE.tool(),
        WHOLE.schemaVersion(),
        WHOLE.replicas(),
        WHOLE.insecure(),
        rows,
        WHOLE.generatedAt(),
        WHOLE.complete(),
        WHOLE.summary(),
        WHOLE.securityProbed(),
        index == 1 ? WHOLE.findings() : List.of(),
        new ReportDocument.ShardInfo(index, count, plannedRows, positions));
  }

  private static List<ShardMerge.Part> parts(int count) {
    List<ShardMerge.Part> parts = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      parts.add(
          new ShardMerge.Part("shard-" + i + ".json", shard(i, count, WHOLE.results().size())));
    }
    return parts;
  }

  @Test
  void shardsMergeIntoTheWholeRunInRowOrder() {
    for (int count : new int[] {1, 2, 3, 5}) {
      ReportDocument merged = ShardMerge.merge(parts(count));
      assertEquals(WHOLE.results(), merged.results(), count + " shards");
      assertEquals(WHOLE.summary(), merged.summary(), count + " shards");
      assertNull(merged.shard(), "the merge is an unsharded report");
    }
  }

  @Test
  void theOrderTheShardsAreGivenInDoesNotMatter() {
    List<ShardMerge.Part> parts = parts(3);
    java.util.Collections.reverse(parts);
    assertEquals(WHOLE.results(), ShardMerge.merge(parts).results());
  }

  @Test
  void aMissingShardIsRefused() {
    List<ShardMerge.Part> parts = parts(3);
    parts.remove(1);
    ShardMerge.MergeException e =
        assertThrows(ShardMerge.MergeException.class, () -> ShardMerge.merge(parts));
    assertTrue(e.getMessage().contains("2"), e.getMessage());
  }

  @Test
  void aRepeatedShardIsRefused() {
    List<ShardMerge.Part> parts = parts(2);
    parts.add(parts.get(0));
    assertThrows(ShardMerge.MergeException.class, () -> ShardMerge.merge(parts));
  }

  @Test
  void shardsOfDifferentRunsAreRefused() {
    List<ShardMerge.Part> parts = parts(2);
    parts.set(1, new ShardMerge.Part("other.json", shard(2, 3, WHOLE.results().size())));
    ShardMerge.MergeException e =
        assertThrows(ShardMerge.MergeException.class, () -> ShardMerge.merge(parts));
    assertTrue(e.getMessage().contains("not shards of one run"), e.getMessage());
  }

  @Test
  void nothingToMergeIsRefused() {
    assertThrows(ShardMerge.MergeException.class, () -> ShardMerge.merge(List.of()));
  }

  @Test
  void aReportWithoutShardInfoIsRefused() {
    assertThrows(
        ShardMerge.MergeException.class,
        () -> ShardMerge.merge(List.of(new ShardMerge.Part("whole.json", WHOLE))));
  }
}
