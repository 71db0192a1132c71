package dev.corsaudit.result;

/**
 * What a sharded run needs to be merged back: which shard it was and how many rows the whole plan
 * had. Each result's {@link AuditTarget#seq()} is its position in that plan.
 */
public record ShardPart(Shard shard, int plannedRows) {}
