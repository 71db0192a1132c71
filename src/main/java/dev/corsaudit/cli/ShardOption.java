package dev.corsaudit.cli;

import dev.corsaudit.audit.AuditRequest;
import dev.corsaudit.model.UserException;
import dev.corsaudit.result.Shard;
import picocli.CommandLine.Option;

/** {@code --shard I/N}: audit one stable slice of the rows (check and report). */
public final class ShardOption {

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description =
          "Audit only shard I of N: the rows whose key (id, path, method, profile, origin) hashes"
              + " there, so shards are balanced and stay put when providers are added. Merge the"
              + " shards' JSON reports with `cors-audit merge`.")
  String shard;

  AuditRequest apply(AuditRequest request) {
    if (shard == null) {
      return request;
    }
    Shard parsed;
    try {
      parsed = Shard.parse(shard);
    } catch (IllegalArgumentException e) {
      throw new UserException("--shard: " + e.getMessage());
    }
    return request.withSelection(request.selection().withShard(parsed));
  }
}
