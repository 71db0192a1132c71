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

  /** A shard's report as another run (or another machine) might have made it. */
  private static ReportDocument remade(
      ReportDocument d,
      ReportDocument.Tool tool,
      boolean replicas,
      boolean insecure,
      String generatedAt,
      Boolean complete,
      boolean probed,
      List<ReportDocument.Finding> findings,
      ReportDocument.ShardInfo shard) {
    return new ReportDocument(
        tool,
        d.schemaVersion(),
        replicas,
        insecure,
        d.results(),
        generatedAt,
        complete,
        d.summary(),
        probed,
        findings,
        shard);
  }

  private static ReportDocument.ShardInfo positions(ReportDocument d, Integer... rows) {
    return new ReportDocument.ShardInfo(
        d.shard().index(), d.shard().count(), d.shard().plannedRows(), List.of(rows));
  }

  private static String refusal(List<ShardMerge.Part> parts) {
    return assertThrows(ShardMerge.MergeException.class, () -> ShardMerge.merge(parts))
        .getMessage();
  }

  private static List<ShardMerge.Part> withSecond(ReportDocument second) {
    List<ShardMerge.Part> parts = parts(2);
    parts.set(1, new ShardMerge.Part("shard-2.json", second));
    return parts;
  }

  @Test
  void aShardOfAPlanOfAnotherSizeIsRefused() {
    List<ShardMerge.Part> parts = parts(2);
    parts.set(1, new ShardMerge.Part("other.json", shard(2, 2, WHOLE.results().size() + 1)));
    assertEquals(
        "other.json is shard 2/2 of a 9-row plan, but shard-1.json is of 2 shards of a 8-row plan:"
            + " they are not shards of one run",
        refusal(parts));
  }

  @Test
  void shardsMadeDifferentlyAreRefused() {
    ReportDocument two = shard(2, 2, WHOLE.results().size());
    String differently =
        "shard-2.json was made differently from shard-1.json (tool version, replicas or security"
            + " probes differ)";
    ReportDocument.Tool newer = new ReportDocument.Tool("cors-audit", "9.9.9");
    assertEquals(
        differently,
        refusal(
            withSecond(
                remade(
                    two,
                    newer,
                    two.replicas(),
                    false,
                    two.generatedAt(),
                    true,
                    two.securityProbed(),
                    two.findings(),
                    two.shard()))));
    assertEquals(
        differently,
        refusal(
            withSecond(
                remade(
                    two,
                    two.tool(),
                    !two.replicas(),
                    false,
                    two.generatedAt(),
                    true,
                    two.securityProbed(),
                    two.findings(),
                    two.shard()))));
    assertEquals(
        differently,
        refusal(
            withSecond(
                remade(
                    two,
                    two.tool(),
                    two.replicas(),
                    false,
                    two.generatedAt(),
                    true,
                    !two.securityProbed(),
                    two.findings(),
                    two.shard()))));
  }

  @Test
  void theMissingShardsAreNamed() {
    List<ShardMerge.Part> parts = parts(3);
    parts.remove(2);
    assertEquals("shard 3/3 missing", refusal(parts));
    parts.remove(1);
    assertEquals("shards 2/3, 3/3 missing", refusal(parts));
  }

  @Test
  void rowPositionsThatDoNotFitThePlanAreRefused() {
    ReportDocument two = shard(2, 2, WHOLE.results().size());
    ReportDocument.Tool tool = two.tool();
    java.util.function.Function<ReportDocument.ShardInfo, List<ShardMerge.Part>> with =
        info ->
            withSecond(
                remade(
                    two,
                    tool,
                    two.replicas(),
                    false,
                    two.generatedAt(),
                    true,
                    two.securityProbed(),
                    two.findings(),
                    info));
    assertEquals(
        "shard-2.json: shard.rows does not match its results",
        refusal(with.apply(positions(two, 1, 3, 5))));
    assertEquals(
        "shard-2.json: row position -1 is out of place",
        refusal(with.apply(positions(two, 1, 3, 5, -1))));
    assertEquals(
        "shard-2.json: row position 8 is out of place",
        refusal(with.apply(positions(two, 1, 3, 5, 8))));
    assertEquals(
        "shard-2.json: row position 0 is out of place",
        refusal(with.apply(positions(two, 1, 3, 5, 0))));
  }

  @Test
  void aPlanRowNoShardHasIsRefused() {
    ReportDocument one = shard(1, 1, WHOLE.results().size() + 1);
    assertEquals(
        "no shard has row 8 of the plan",
        refusal(List.of(new ShardMerge.Part("shard-1.json", one))));
  }

  @Test
  void theMergeIsAsLateAsItsLastShardInsecureIfOneIsAndCompleteIfAllAre() {
    ReportDocument one = shard(1, 2, WHOLE.results().size());
    ReportDocument two = shard(2, 2, WHOLE.results().size());
    List<ShardMerge.Part> parts = parts(2);
    parts.set(
        0,
        new ShardMerge.Part(
            "shard-1.json",
            remade(
                one,
                one.tool(),
                one.replicas(),
                false,
                null,
                true,
                one.securityProbed(),
                one.findings(),
                one.shard())));
    parts.set(
        1,
        new ShardMerge.Part(
            "shard-2.json",
            remade(
                two,
                two.tool(),
                two.replicas(),
                true,
                "2026-11-23T03:05:00Z",
                false,
                two.securityProbed(),
                two.findings(),
                two.shard())));
    ReportDocument merged = ShardMerge.merge(parts);
    assertEquals("2026-11-23T03:05:00Z", merged.generatedAt());
    assertTrue(merged.insecure());
    assertEquals(Boolean.FALSE, merged.complete());
    ReportDocument plain = ShardMerge.merge(parts(2));
    assertEquals(WHOLE.generatedAt(), plain.generatedAt());
    assertEquals(false, plain.insecure());
    assertEquals(Boolean.TRUE, plain.complete());
    parts.set(
        1,
        new ShardMerge.Part(
            "shard-2.json",
            remade(
                two,
                two.tool(),
                two.replicas(),
                false,
                "2026-11-22T03:05:00Z",
                true,
                two.securityProbed(),
                two.findings(),
                two.shard())));
    parts.set(0, parts(2).get(0));
    assertEquals(WHOLE.generatedAt(), ShardMerge.merge(parts).generatedAt(), "not earlier");
    parts.set(
        1,
        new ShardMerge.Part(
            "shard-2.json",
            remade(
                two,
                two.tool(),
                two.replicas(),
                false,
                "2026-11-23T03:07:00Z",
                true,
                two.securityProbed(),
                two.findings(),
                two.shard())));
    assertEquals("2026-11-23T03:07:00Z", ShardMerge.merge(parts).generatedAt(), "later");
  }

  @Test
  void findingsAreOrderedBySeverityThenProvider() {
    ReportDocument.Finding model = WHOLE.findings().get(0);
    java.util.function.BiFunction<String, String, ReportDocument.Finding> finding =
        (severity, provider) ->
            new ReportDocument.Finding(
                provider,
                model.code(),
                severity,
                model.origin(),
                model.probe(),
                model.message(),
                model.fix(),
                model.evidence());
    ReportDocument one = shard(1, 2, WHOLE.results().size());
    ReportDocument two = shard(2, 2, WHOLE.results().size());
    List<ShardMerge.Part> parts =
        List.of(
            new ShardMerge.Part(
                "shard-1.json",
                remade(
                    one,
                    one.tool(),
                    one.replicas(),
                    false,
                    one.generatedAt(),
                    true,
                    one.securityProbed(),
                    List.of(finding.apply("LOW", "b"), finding.apply("CRITICAL", "z")),
                    one.shard())),
            new ShardMerge.Part(
                "shard-2.json",
                remade(
                    two,
                    two.tool(),
                    two.replicas(),
                    false,
                    two.generatedAt(),
                    true,
                    two.securityProbed(),
                    List.of(finding.apply("BOGUS", "a"), finding.apply("CRITICAL", "a")),
                    two.shard())));
    assertEquals(
        List.of("CRITICAL a", "CRITICAL z", "LOW b", "BOGUS a"),
        ShardMerge.merge(parts).findings().stream()
            .map(f -> f.severity() + " " + f.provider())
            .toList());
  }
}
