// The mutable tables behind MetaState. Records in them are frozen and
// replaced on change, so a record handed out never changes under its reader.
import type { GroupRecord } from './consumer-groups-meta.js';
import type { ConsumerRecord } from './meta-apply-consumers.js';
import type { ReshardRecord } from './reshard-types.js';
import type { NodeRecord, ShardRecord, StreamRecord } from './types.js';

export interface MetaTables {
  readonly clusterId: string;
  appliedIndex: number;
  /** Next shard group id to allocate; starts at 2 (1 is the metadata group). */
  nextGroupId: number;
  readonly nodes: Map<number, NodeRecord>;
  readonly streams: Map<string, StreamRecord>;
  /** Per stream: the number the next shard id takes (shardId-000000000000 first). */
  readonly nextShardNumber: Map<string, number>;
  /** Every shard by group id. */
  readonly shards: Map<number, ShardRecord>;
  /** `${stream}\u0000${shardId}` → group id. */
  readonly shardGroups: Map<string, number>;
  /** Fan-out consumers by `${stream}\u0000${name}` (meta-apply-consumers.ts). */
  readonly consumers: Map<string, ConsumerRecord>;
  /** Consumer groups by `${stream}\u0000${name}` (consumer-groups-meta.ts). */
  readonly groups: Map<string, GroupRecord>;
  /** Resharding's per-stream record, by stream name (meta-apply-reshard-capacity.ts). */
  readonly reshard: Map<string, ReshardRecord>;
}

export const firstShardGroupId = 2;

export function emptyTables(clusterId: string): MetaTables {
  return {
    clusterId,
    appliedIndex: 0,
    nextGroupId: firstShardGroupId,
    nodes: new Map(),
    streams: new Map(),
    nextShardNumber: new Map(),
    shards: new Map(),
    shardGroups: new Map(),
    consumers: new Map(),
    groups: new Map(),
    reshard: new Map(),
  };
}

export function shardKey(streamName: string, shardId: string): string {
  return `${streamName}\u0000${shardId}`;
}

/** `shardId-` and the number in 12 digits, as Kinesis names shards. */
export function shardIdOf(n: number): string {
  return `shardId-${String(n).padStart(12, '0')}`;
}

export function streamArnOf(clusterId: string, name: string): string {
  return `arn:rheo:kinesis:${clusterId}::stream/${name}`;
}

/** A copy of `tags` with its keys sorted, so equal tag sets encode equally. */
export function sortedTags(tags: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(tags).sort()) out[k] = tags[k]!;
  return Object.freeze(out);
}
