package dev.corsaudit.result;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One slice of a run's rows, {@code index} of {@code count} (1-based): a row belongs to the shard
 * its key hashes to. The key is the row key (id, path, method, profile, origin), so a row stays in
 * its shard when providers are added or removed, and SHA-256 spreads rows evenly.
 */
public record Shard(int index, int count) {

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("shard " + index + "/" + count);
    }
  }

  /**
   * Parses "I/N".
   *
   * @throws IllegalArgumentException with a message for the user
   */
  public static Shard parse(String text) {
    String[] parts = text.strip().split("/", -1);
    if (parts.length == 2) {
      try {
        int index = Integer.parseInt(parts[0].strip());
        int count = Integer.parseInt(parts[1].strip());
        if (count >= 1 && index >= 1 && index <= count) {
          return new Shard(index, count);
        }
      } catch (NumberFormatException e) {
        // fall through to the message
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a shard; write I/N with 1 <= I <= N, e.g. 2/5");
  }

  /** True when this shard audits the target. */
  public boolean contains(AuditTarget target) {
    return slot(target, count) == index - 1;
  }

  /** The 0-based shard of a target among {@code count} shards. */
  public static int slot(AuditTarget target, int count) {
    String path = target.provider().rowPath();
    return slot(
        target.provider().id(),
        path,
        path == null ? null : target.request().method(),
        target.profile(),
        target.request().origin(),
        count);
  }

  /** The 0-based shard of a row key among {@code count} shards. */
  public static int slot(
      String id, String path, String method, String profile, String origin, int count) {
    String key =
        String.join(
            "\u0000", id, path == null ? "" : path, method == null ? "" : method, profile, origin);
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (digest[i] & 0xff);
    }
    return (int) Math.floorMod(value, (long) count);
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
