// The node's view of its streams while replica sets are given by hand (the
// `streams` config key): every node derives the same shards from the same
// list, with nothing exchanged.
//
// - Shard i of n is `shardId-` + i in twelve digits, holding the i-th even
//   slice of the hash-key space (wire's evenHashRanges, as Kinesis's
//   CreateStream splits it).
// - Its Raft group id is a hash of the stream name and shard id alone, so
//   adding or removing another stream never renumbers a group: a node whose
//   config is a step behind would otherwise route one shard's Raft messages
//   into another's group. Group 1 is the metadata group, so ids start at 2.
// - Sequence numbers start at base 0 (a stream's first shards).
import { createHash } from 'node:crypto';
import type { ShardSpec } from '@rheo/broker';
import { evenHashRanges, type HashRange, ShardMap } from '@rheo/wire';
import { ConfigError } from '../config/config-error.js';
import type { StaticStreamConfig } from '../config/streams-field.js';

/** Group ids of shard groups are in [shardGroupIdMin, shardGroupIdMax]; 1 is the metadata group. */
export const shardGroupIdMin = 2;
export const shardGroupIdMax = 2 ** 31 - 1;
const SHARD_ID_DIGITS = 12;

/** One shard of a static stream, as every node sees it. */
export interface StaticShard {
  readonly spec: ShardSpec;
  /** Open for writes (always, until resharding exists). */
  readonly open: boolean;
}

export interface StaticStream {
  readonly name: string;
  readonly arn: string;
  /** Shards in shard-id order (which is also hash-range order). */
  readonly shards: readonly StaticShard[];
  /** Open shards by hash key, for requests that leave the shard to the node. */
  readonly routes: ShardMap<StaticShard & { readonly shardId: string; readonly range: HashRange }>;
  readonly replicas: readonly number[];
}

export function kinesisShardId(index: number): string {
  return `shardId-${String(index).padStart(SHARD_ID_DIGITS, '0')}`;
}

/** The stream's ARN-like id (Kinesis: arn:aws:kinesis:region:account:stream/name). */
export function streamArn(clusterId: string, name: string): string {
  return `arn:rheo:kinesis:${clusterId}::stream/${name}`;
}

/** The shard group's id: the first 31 bits of SHA-256(stream "/" shard id), folded into [2, 2^31-1]. */
export function shardGroupId(streamName: string, shardId: string): number {
  const digest = createHash('sha256').update(`${streamName}/${shardId}`).digest();
  const span = shardGroupIdMax - shardGroupIdMin + 1;
  return shardGroupIdMin + (digest.readUInt32BE(0) % span);
}

function deriveStream(clusterId: string, s: StaticStreamConfig): StaticStream {
  const ranges = evenHashRanges(s.shards);
  const replicas = Object.freeze([...s.replicas].sort((a, b) => a - b));
  const shards = ranges.map((hashRange, i): StaticShard => {
    const shardId = kinesisShardId(i);
    const spec: ShardSpec = Object.freeze({
      groupId: shardGroupId(s.name, shardId),
      groupName: `shard/${s.name}/${shardId}`,
      streamName: s.name,
      shardId,
      hashRange,
      sequenceBase: 0n,
      replicas,
    });
    return Object.freeze({ spec, open: true });
  });
  const routes = ShardMap.build(
    shards.map((sh) => Object.freeze({ ...sh, shardId: sh.spec.shardId, range: sh.spec.hashRange })),
  );
  return Object.freeze({
    name: s.name,
    arn: streamArn(clusterId, s.name),
    shards: Object.freeze(shards),
    routes,
    replicas,
  });
}

/**
 * Every static stream and shard, looked up by name, ARN, shard id and group
 * id. Built once at start-up; immutable.
 */
export class StreamCatalog {
  private readonly byName = new Map<string, StaticStream>();
  private readonly byArn = new Map<string, StaticStream>();
  private readonly byGroup = new Map<number, StaticShard>();
  private readonly byShard = new Map<string, StaticShard>();

  /** Throws ConfigError when two shards' group ids collide (a rename of either stream fixes it). */
  constructor(clusterId: string, streams: readonly StaticStreamConfig[]) {
    const problems: string[] = [];
    for (const config of streams) {
      const stream = deriveStream(clusterId, config);
      this.byName.set(stream.name, stream);
      this.byArn.set(stream.arn, stream);
      for (const shard of stream.shards) {
        const { groupId, groupName } = shard.spec;
        const other = this.byGroup.get(groupId);
        if (other !== undefined)
          problems.push(
            `streams: shards ${other.spec.groupName} and ${groupName} hash to the same group id ${groupId}; rename one stream`,
          );
        this.byGroup.set(groupId, shard);
        this.byShard.set(`${stream.name}\u0000${shard.spec.shardId}`, shard);
      }
    }
    if (problems.length > 0) throw new ConfigError(problems);
  }

  streams(): IterableIterator<StaticStream> {
    return this.byName.values();
  }

  stream(name: string): StaticStream | undefined {
    return this.byName.get(name);
  }

  streamByArn(arn: string): StaticStream | undefined {
    return this.byArn.get(arn);
  }

  shard(streamName: string, shardId: string): StaticShard | undefined {
    return this.byShard.get(`${streamName}\u0000${shardId}`);
  }

  shardOfGroup(groupId: number): StaticShard | undefined {
    return this.byGroup.get(groupId);
  }

  /** The shards this node is a replica of. */
  shardsOn(nodeId: number): StaticShard[] {
    return [...this.byGroup.values()].filter((s) => s.spec.replicas.includes(nodeId));
  }
}
