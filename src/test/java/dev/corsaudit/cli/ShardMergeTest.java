package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --shard I/N} over the replicas, then {@code merge}: the same report as the unsharded
 * run, rows, order, summary and findings (timestamps aside), for 2, 3 and 5 shards.
 */
@Timeout(180)
class ShardMergeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  private static String whole;
  private static String wholeRaw;

  private static final List<String> RUN =
      List.of(
          "check",
          "--replicas",
          "--providers",
          "demos/providers.yaml",
          "--probe-security",
          "--format",
          "json",
          "--fail-on",
          "never",
          "-q");

  private static final List<String> RUN_DEFAULT =
      List.of(
          "check",
          "--replicas",
          "--probe-security",
          "--format",
          "json",
          "--fail-on",
          "never",
          "-q");

  @BeforeAll
  static void unsharded() throws IOException {
    wholeRaw = CliRun.of(RUN_DEFAULT.toArray(String[]::new)).out();
    whole = normalized(wholeRaw);
  }

  /**
   * The report without what differs between two runs of the same rows: the times, and the port the
   * replica server got.
   */
  static String normalized(String json) throws IOException {
    JsonNode tree = JSON.readTree(json);
    strip(tree);
    return tree.toPrettyString().replaceAll("127\\.0\\.0\\.1:[0-9]+", "127.0.0.1:PORT");
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(List.of("generated_at", "started_at", "elapsed_ms"));
    }
    node.forEach(ShardMergeTest::strip);
  }

  private static List<Path> shards(List<String> run, int count, String tag) throws IOException {
    List<Path> files = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Path file = dir.resolve(tag + "-" + i + "-of-" + count + ".json");
      List<String> args = new ArrayList<>(run);
      args.addAll(List.of("--shard", i + "/" + count, "-o", file.toString()));
      CliRun shard = CliRun.of(args.toArray(String[]::new));
      assertEquals(0, shard.code(), shard.err());
      files.add(file);
    }
    return files;
  }

  private static CliRun merge(List<Path> files) {
    List<String> args = new ArrayList<>(List.of("merge"));
    files.forEach(f -> args.add(f.toString()));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void mergedShardsEqualTheUnshardedRun() throws IOException {
    int total = JSON.readTree(whole).path("results").size();
    assertTrue(total > 40, "enough rows to spread");
    assertTrue(JSON.readTree(whole).path("findings").size() > 0, "findings are merged too");
    for (int count : new int[] {2, 3, 5}) {
      List<Path> files = shards(RUN_DEFAULT, count, "all");
      int sum = 0;
      for (Path file : files) {
        JsonNode shard = JSON.readTree(file.toFile());
        int rows = shard.path("results").size();
        sum += rows;
        assertTrue(
            rows >= total / count / 3, "shard " + file.getFileName() + " is balanced: " + rows);
        assertEquals(count, shard.path("shard").path("count").asInt());
      }
      assertEquals(total, sum, "every row in exactly one shard");
      // Shards given in any order.
      List<Path> shuffled = new ArrayList<>(files);
      java.util.Collections.reverse(shuffled);
      CliRun merged = merge(shuffled);
      assertEquals(0, merged.code(), merged.err());
      assertEquals(whole, normalized(merged.out()), count + " shards");
    }
  }

  @Test
  void mergeWritesToAFile() throws IOException {
    List<Path> files = shards(RUN, 2, "demos");
    Path out = dir.resolve("merged.json");
    List<String> args = new ArrayList<>(List.of("merge", "-o", out.toString()));
    files.forEach(f -> args.add(f.toString()));
    assertEquals(0, CliRun.of(args.toArray(String[]::new)).code());
    assertEquals(
        normalized(CliRun.of(RUN.toArray(String[]::new)).out()), normalized(Files.readString(out)));
  }

  @Test
  void aMissingOrRepeatedShardIsAnError() throws IOException {
    List<Path> files = shards(RUN, 3, "bad");
    CliRun missing = merge(List.of(files.get(0), files.get(2)));
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("cannot merge: shard 2/3 missing"), missing.err());

    CliRun twice = merge(List.of(files.get(0), files.get(1), files.get(1), files.get(2)));
    assertEquals(2, twice.code());
    assertTrue(twice.err().contains("shard 2/3 is given twice"), twice.err());

    Path unsharded = Files.writeString(dir.resolve("unsharded.json"), wholeRaw);
    CliRun notShard = merge(List.of(unsharded));
    assertEquals(2, notShard.code());
    assertTrue(notShard.err().contains("is not a shard's report"), notShard.err());

    List<Path> two = shards(RUN, 2, "other");
    CliRun mixed = merge(List.of(files.get(0), two.get(1)));
    assertEquals(2, mixed.code());
    assertTrue(mixed.err().contains("not shards of one run"), mixed.err());
  }

  @Test
  void aRowStaysInItsShardWhenProvidersAreAdded() throws IOException {
    Map<String, Integer> before = placement(shards(RUN, 3, "stable-a"));
    List<String> more = new ArrayList<>(RUN);
    more.set(3, "providers.yaml");
    Map<String, Integer> after = placement(shards(more, 3, "stable-b"));
    // demos/providers.yaml and providers.yaml share no rows; check the demos alone kept theirs by
    // planning them again inside a file that adds providers in front of them.
    Path combined =
        Files.writeString(
            dir.resolve("combined.yaml"),
            Files.readString(Path.of("demos/providers.yaml"))
                .replace(
                    "providers:\n",
                    "providers:\n  - id: added-first\n    base_url: https://added.invalid/v1\n"
                        + "    replica: azure\n"));
    List<String> withAdded = new ArrayList<>(RUN);
    withAdded.set(3, combined.toString());
    Map<String, Integer> again = placement(shards(withAdded, 3, "stable-c"));
    before.forEach((key, shard) -> assertEquals(shard, again.get(key), key));
    assertTrue(after.size() > 0);
  }

  private static Map<String, Integer> placement(List<Path> files) throws IOException {
    Map<String, Integer> at = new HashMap<>();
    for (Path file : files) {
      JsonNode shard = JSON.readTree(file.toFile());
      for (JsonNode row : shard.path("results")) {
        at.put(
            row.path("id").asText()
                + " "
                + row.path("profile").asText()
                + " "
                + row.path("origin").asText(),
            shard.path("shard").path("index").asInt());
      }
    }
    return at;
  }
}
