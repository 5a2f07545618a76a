// The services' catalog in cluster mode: streams and shards as a MetaState
// holds them (a controller node's applied state, or a broker-only node's
// mirror). Lookups are rebuilt once per epoch, on first use after the
// state changed, so a call costs a map lookup however big the metadata is.
import type { MetaState, ShardRecord, StreamRecord } from '@rheo/controller';
import { ShardMap } from '@rheo/wire';
import type { Catalog, CatalogShard, CatalogStream, RoutedShard } from '../services/catalog.js';
import { shardSpecOfRecord } from './shard-spec.js';

interface Tables {
  readonly state: MetaState;
  readonly epoch: number;
  readonly byName: ReadonlyMap<string, CatalogStream>;
  readonly byArn: ReadonlyMap<string, CatalogStream>;
  readonly byGroup: ReadonlyMap<number, CatalogShard>;
  /** By `${stream}\u0000${shardId}` (the write path looks shards up per batch). */
  readonly byShard: ReadonlyMap<string, CatalogShard>;
}

export type MetaSource = () => MetaState | undefined;

export class MetaCatalog implements Catalog {
  private tables: Tables | undefined;

  /** `source` gives the state to answer from; undefined while none is known yet (a mirror not fetched). */
  constructor(private readonly source: MetaSource) {}

  /** The state answered from, or undefined. */
  state(): MetaState | undefined {
    return this.source();
  }

  /** The metadata epoch (the applied index) of the state answered from; 0 when none. */
  epoch(): number {
    return this.source()?.appliedIndex ?? 0;
  }

  private current(): Tables | undefined {
    const state = this.source();
    if (state === undefined) return undefined;
    const t = this.tables;
    if (t !== undefined && t.state === state && t.epoch === state.appliedIndex) return t;
    this.tables = build(state);
    return this.tables;
  }

  streams(): Iterable<CatalogStream> {
    return this.current()?.byName.values() ?? [];
  }

  stream(name: string): CatalogStream | undefined {
    return this.current()?.byName.get(name);
  }

  streamByArn(arn: string): CatalogStream | undefined {
    return this.current()?.byArn.get(arn);
  }

  shard(streamName: string, shardId: string): CatalogShard | undefined {
    return this.current()?.byShard.get(`${streamName}\u0000${shardId}`);
  }

  shardOfGroup(groupId: number): CatalogShard | undefined {
    return this.current()?.byGroup.get(groupId);
  }
}

function build(state: MetaState): Tables {
  const byName = new Map<string, CatalogStream>();
  const byArn = new Map<string, CatalogStream>();
  const byGroup = new Map<number, CatalogShard>();
  const byShard = new Map<string, CatalogShard>();
  for (const record of state.streams()) {
    const stream = catalogStream(record, state.shardsOf(record.name));
    byName.set(stream.name, stream);
    byArn.set(stream.arn, stream);
    for (const s of stream.shards) {
      byGroup.set(s.spec.groupId, s);
      byShard.set(`${stream.name}\u0000${s.spec.shardId}`, s);
    }
  }
  return { state, epoch: state.appliedIndex, byName, byArn, byGroup, byShard };
}

function catalogShard(r: ShardRecord): CatalogShard {
  return Object.freeze({ spec: shardSpecOfRecord(r), open: r.open, leader: r.leader });
}

function catalogStream(record: StreamRecord, records: readonly ShardRecord[]): CatalogStream {
  const shards = records
    .map(catalogShard)
    .sort((a, b) => (a.spec.shardId < b.spec.shardId ? -1 : a.spec.shardId > b.spec.shardId ? 1 : 0));
  const routes = ShardMap.build<RoutedShard>(
    shards
      .filter((s) => s.open)
      .map((s) => Object.freeze({ ...s, shardId: s.spec.shardId, range: s.spec.hashRange })),
  );
  return Object.freeze({
    name: record.name,
    arn: record.arn,
    status: record.status,
    shards: Object.freeze(shards),
    routes,
    retentionHours: record.retentionHours,
    ...(record.shardLimits === undefined ? {} : { shardLimits: record.shardLimits }),
  });
}
