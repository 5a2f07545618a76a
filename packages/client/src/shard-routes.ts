// One stream's routing table, built from a GetShardMap answer: every
// retained shard (open and closed, for readers), the open ones in a ShardMap
// for writers (hash key -> shard by binary search), and each shard's leader
// address. Immutable: a leader hint makes a new table (withLeader).
import { type HashRange, hashRange, parseHashKey, ShardMap } from '@rheo/wire';
import { type pb, RheoError } from './grpc.js';

export interface ShardRouteInfo {
  readonly shardId: string;
  readonly range: HashRange;
  readonly open: boolean;
  readonly groupId: number;
  /** 0 when no leader is known. */
  readonly leaderNodeId: number;
  /** The leader's client address; undefined when no leader is known. */
  readonly leaderAddress: string | undefined;
  readonly replicaAddresses: readonly string[];
}

export class StreamRoutes {
  /** Open shards, for routing records. */
  readonly map: ShardMap<ShardRouteInfo>;
  private readonly byId: ReadonlyMap<string, ShardRouteInfo>;

  constructor(
    readonly streamName: string,
    readonly streamArn: string,
    /** The cluster epoch this table reflects (GetShardMapResponse.epoch). */
    readonly epoch: number,
    /** Every retained shard, open and closed, in the server's order. */
    readonly shards: readonly ShardRouteInfo[],
  ) {
    this.byId = new Map(shards.map((s) => [s.shardId, s]));
    this.map = ShardMap.build(shards.filter((s) => s.open));
  }

  static fromResponse(response: pb.GetShardMapResponse__Output, streamName: string): StreamRoutes {
    const stream = response.streams.find((s) => s.streamName === streamName);
    if (stream === undefined) {
      throw new RheoError('ResourceNotFound', `Stream ${streamName} not found in the shard map`, {
        field: 'stream_name',
      });
    }
    const addresses = new Map(response.nodes.map((n) => [n.nodeId, n.address]));
    const shards = stream.shards.map((s): ShardRouteInfo => {
      const range = s.hashKeyRange;
      const leaderAddress = s.leaderNodeId === 0 ? undefined : addresses.get(s.leaderNodeId);
      return Object.freeze({
        shardId: s.shardId,
        range: hashRange(
          parseHashKey(range?.startingHashKey ?? '0', 'starting_hash_key'),
          parseHashKey(range?.endingHashKey ?? '0', 'ending_hash_key'),
        ),
        open: s.open,
        groupId: s.groupId,
        leaderNodeId: leaderAddress === undefined ? 0 : s.leaderNodeId,
        leaderAddress,
        replicaAddresses: Object.freeze(
          s.replicaNodeIds.map((id) => addresses.get(id)).filter((a): a is string => a !== undefined),
        ),
      });
    });
    return new StreamRoutes(stream.streamName, stream.streamArn, response.epoch, shards);
  }

  shard(shardId: string): ShardRouteInfo | undefined {
    return this.byId.get(shardId);
  }

  /** The open shard for a record: its explicit hash key, else MD5 of its partition key. */
  route(partitionKey: string, explicitHashKey?: bigint): ShardRouteInfo {
    const shard = this.map.route(partitionKey, explicitHashKey);
    if (shard === undefined) {
      throw new RheoError('Unavailable', `no open shard of ${this.streamName} takes this record's hash key`);
    }
    return shard;
  }

  /** A copy whose `shardId` is led from `address` (a NotLeader hint), until the next fetch. */
  withLeader(shardId: string, address: string, leaderNodeId = 0): StreamRoutes {
    const shards = this.shards.map((s) =>
      s.shardId === shardId ? Object.freeze({ ...s, leaderAddress: address, leaderNodeId }) : s,
    );
    return new StreamRoutes(this.streamName, this.streamArn, this.epoch, shards);
  }
}
