// A cluster-mode shard as its replicas are opened: from the metadata's
// ShardRecord, or from a controller's CREATE_REPLICA command (the broker
// agent), which carry the same facts.
import type { ShardSpec } from '@rheo/broker';
import type { ShardRecord } from '@rheo/controller';
import type { HashRange } from '@rheo/wire';

/**
 * The storage group name of a cluster-mode shard replica. The group id
 * suffix keeps a re-created stream of the same name from ever reusing the
 * old stream's data (its groups have other ids).
 */
export function clusterShardGroupName(streamName: string, shardId: string, groupId: number): string {
  return `shard/${streamName}/${shardId}/${groupId}`;
}

export interface ClusterShardFacts {
  readonly streamName: string;
  readonly shardId: string;
  readonly groupId: number;
  readonly hashRange: HashRange;
  readonly sequenceBase: bigint;
  /** The voters a new replica starts with: the founders for a founding member, the desired set otherwise. */
  readonly replicas: readonly number[];
}

export function clusterShardSpec(f: ClusterShardFacts): ShardSpec {
  return Object.freeze({
    groupId: f.groupId,
    groupName: clusterShardGroupName(f.streamName, f.shardId, f.groupId),
    streamName: f.streamName,
    shardId: f.shardId,
    hashRange: f.hashRange,
    sequenceBase: f.sequenceBase,
    replicas: Object.freeze([...f.replicas].sort((a, b) => a - b)),
  });
}

/** The spec of a shard in the metadata; replicas are the desired voters. */
export function shardSpecOfRecord(r: ShardRecord): ShardSpec {
  return clusterShardSpec({ ...r, replicas: r.replicas });
}
