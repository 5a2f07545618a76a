// What the services look streams and shards up in. Two implementations:
// the static StreamCatalog (static mode: the `streams` key, the same on
// every node) and the MetaCatalog (cluster mode: the metadata group's
// applied state, or a broker-only node's mirror of it). The services read
// one interface and work the same in both modes.
import type { ShardLimitsOverride, ShardSpec } from '@rheo/broker';
import type { HashRange, ShardMap } from '@rheo/wire';

export type CatalogStreamStatus = 'CREATING' | 'ACTIVE' | 'UPDATING' | 'DELETING';

export interface CatalogShard {
  /** The shard as a replica is opened with (spec.replicas: the founding voters in static mode, the desired voters in cluster mode). */
  readonly spec: ShardSpec;
  /** Open for writes (until a split or merge closes it). */
  readonly open: boolean;
  /** The leader last reported to the metadata (cluster mode); undefined when none is known. */
  readonly leader?: { readonly nodeId: number; readonly term: number } | undefined;
}

export type RoutedShard = CatalogShard & { readonly shardId: string; readonly range: HashRange };

export interface CatalogStream {
  readonly name: string;
  readonly arn: string;
  /** ACTIVE when left out (static streams are active from the start). */
  readonly status?: CatalogStreamStatus;
  /** Shards in shard-id order. */
  readonly shards: readonly CatalogShard[];
  /** Open shards by hash key, for requests that leave the shard to the node. */
  readonly routes: ShardMap<RoutedShard>;
  /** Records older than this are trimmed (retention-task.ts); 24 when left out (static streams). */
  readonly retentionHours?: number;
  /** Per-shard throughput limits the stream overrides (docs/limits.md); the node's when left out. */
  readonly shardLimits?: ShardLimitsOverride;
}

export interface Catalog {
  streams(): Iterable<CatalogStream>;
  stream(name: string): CatalogStream | undefined;
  streamByArn(arn: string): CatalogStream | undefined;
  shard(streamName: string, shardId: string): CatalogShard | undefined;
  shardOfGroup(groupId: number): CatalogShard | undefined;
}
