// The bench measures what the cluster can do, not Kinesis's per-shard
// limits (1 MiB/s and 1,000 records/s of writes per shard would cap a
// 4-shard bench at 4 MiB/s): by default its stream runs with limits far
// above anything a bench reaches. `--kinesis-limits` keeps the cluster's
// own limits, to watch throttling instead (docs/bench.md, docs/limits.md).

const GiB = 1024 ** 3;
const uint32Max = 2 ** 32 - 1;

/** Per-shard limits for the bench stream: the most the node config and the contract take. */
export const benchShardLimits = Object.freeze({
  writeBytesPerS: 1024 * GiB,
  writeRecordsPerS: uint32Max,
  readBytesPerS: 1024 * GiB,
  readCallsPerS: uint32Max,
});

/** Node flags of a local bench cluster (static mode: its streams take the node's limits). */
export function benchNodeLimitFlags(): string[] {
  return [
    `--shard-write-bytes-per-s=${benchShardLimits.writeBytesPerS}`,
    `--shard-write-records-per-s=${benchShardLimits.writeRecordsPerS}`,
    `--shard-read-bytes-per-s=${benchShardLimits.readBytesPerS}`,
    `--shard-read-calls-per-s=${benchShardLimits.readCallsPerS}`,
  ];
}
