// A stream's per-shard throughput limits between the contract
// (ShardThroughputLimits, 0 = the cluster's value) and the metadata
// (StreamShardLimits, a field left out = the cluster's value). docs/limits.md.
import { effectiveShardLimits, type ShardThroughputLimits } from '@rheo/broker';
import type { StreamShardLimits } from '@rheo/controller';
import type { pb } from '@rheo/wire';

/** The overrides a request sets; undefined when it sets none. */
export function shardLimitsOfRequest(
  l: pb.ShardThroughputLimits__Output | null | undefined,
): StreamShardLimits | undefined {
  if (l === null || l === undefined) return undefined;
  const out: { -readonly [K in keyof StreamShardLimits]: number } = {};
  if (l.writeBytesPerSecond > 0) out.writeBytesPerS = l.writeBytesPerSecond;
  if (l.writeRecordsPerSecond > 0) out.writeRecordsPerS = l.writeRecordsPerSecond;
  if (l.readBytesPerSecond > 0) out.readBytesPerS = l.readBytesPerSecond;
  if (l.readCallsPerSecond > 0) out.readCallsPerS = l.readCallsPerSecond;
  return Object.keys(out).length === 0 ? undefined : out;
}

/** The limits in force for a stream's shards, as the contract shows them. */
export function shardLimitsView(
  cluster: ShardThroughputLimits,
  stream: StreamShardLimits | undefined,
): pb.ShardThroughputLimits {
  const l = effectiveShardLimits(cluster, stream);
  return {
    writeBytesPerSecond: l.writeBytesPerS,
    writeRecordsPerSecond: l.writeRecordsPerS,
    readBytesPerSecond: l.readBytesPerS,
    readCallsPerSecond: l.readCallsPerS,
  };
}
