// A shard's throughput limits (docs/limits.md): what a leader admits per
// second before it answers ProvisionedThroughputExceeded. Kinesis's figures
// are the defaults; a cluster sets its own (node config) and a stream may
// override any of them (the metadata's stream record).

const MiB = 1024 * 1024;

export interface ShardThroughputLimits {
  /** Record-batch bytes a shard takes per second (Kinesis: 1 MiB). */
  readonly writeBytesPerS: number;
  /** Records a shard takes per second (Kinesis: 1,000). */
  readonly writeRecordsPerS: number;
  /** Bytes GetRecords hands out per second, shared by the shard's pull readers (Kinesis: 2 MiB). */
  readonly readBytesPerS: number;
  /** GetRecords calls per second, shared by the shard's pull readers (Kinesis: 5). */
  readonly readCallsPerS: number;
}

/** A stream's overrides: a field left out takes the cluster's value. */
export type ShardLimitsOverride = Partial<ShardThroughputLimits>;

export const kinesisShardLimits: ShardThroughputLimits = Object.freeze({
  writeBytesPerS: 1 * MiB,
  writeRecordsPerS: 1000,
  readBytesPerS: 2 * MiB,
  readCallsPerS: 5,
});

/**
 * No throttling: what a ReplicaHost given no limits uses (the broker's own
 * tests and benches); the server always passes the node's configured limits.
 */
export const unthrottledShardLimits: ShardThroughputLimits = Object.freeze({
  writeBytesPerS: Number.MAX_SAFE_INTEGER,
  writeRecordsPerS: Number.MAX_SAFE_INTEGER,
  readBytesPerS: Number.MAX_SAFE_INTEGER,
  readCallsPerS: Number.MAX_SAFE_INTEGER,
});

export const shardLimitKeys = Object.freeze([
  'writeBytesPerS',
  'writeRecordsPerS',
  'readBytesPerS',
  'readCallsPerS',
] as const satisfies readonly (keyof ShardThroughputLimits)[]);

/**
 * Seconds of a limit a bucket banks: a shard idle for a while may take one
 * second's worth at once (a burst), never more.
 */
export const burstSeconds = 1;

/** The limits in force: the cluster's, with the stream's overrides on top. */
export function effectiveShardLimits(
  cluster: ShardThroughputLimits,
  stream: ShardLimitsOverride | undefined,
): ShardThroughputLimits {
  if (stream === undefined) return cluster;
  const out: Record<keyof ShardThroughputLimits, number> = { ...cluster };
  for (const k of shardLimitKeys) {
    const v = stream[k];
    if (v !== undefined) out[k] = v;
  }
  return Object.freeze(out);
}

/** Why `limits` is not a set of positive integer rates, or undefined when it is. */
export function shardLimitsProblem(limits: ShardLimitsOverride): string | undefined {
  for (const k of shardLimitKeys) {
    const v = limits[k];
    if (v !== undefined && (!Number.isSafeInteger(v) || v < 1))
      return `${k} must be a positive integer, got ${String(v)}`;
  }
  return undefined;
}
