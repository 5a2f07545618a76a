// Pull reads of every shard of a stream: one ShardConsumer per shard, their
// reads merged into one async iterator. Parents are read before children
// (Kinesis's rule, which keeps a partition key's records in order across a
// split or merge): at the start only the shards with no retained parent are
// read; a shard that ends (closed by resharding and read out) starts each
// child, from TRIM_HORIZON, once every retained parent of that child has
// ended. The merge holds at most `readsBufferedMax` reads, so a slow caller
// slows the readers rather than growing memory.
import type { RheoClient } from './rheo-client.js';
import { ShardConsumer, type ShardConsumerOptions, type ShardRead } from './shard-consumer.js';
import type { ConsumedRecord } from './stored-records.js';

export interface ConsumerOptions extends ShardConsumerOptions {
  /** Only these shards (default: every shard in the map). */
  readonly shardIds?: readonly string[];
  /** Reads waiting for the caller, across shards. */
  readonly readsBufferedMax?: number;
}

export class Consumer implements AsyncIterable<ShardRead> {
  private readonly shards = new Map<string, ShardConsumer>();
  private readonly buffered: ShardRead[] = [];
  private failure: unknown;
  private running = 0;
  private wakeReader: (() => void) | undefined;
  private readonly wakeWriters: Array<() => void> = [];
  private closed = false;
  /** Each known shard's parents (ListShards' lineage); refreshed when a child is not in it. */
  private lineage = new Map<string, readonly string[]>();
  private readonly ended = new Set<string>();

  constructor(
    private readonly client: RheoClient,
    readonly streamName: string,
    private readonly options: ConsumerOptions = {},
  ) {}

  close(): void {
    this.closed = true;
    for (const shard of this.shards.values()) shard.close();
    for (const wake of this.wakeWriters.splice(0)) wake();
    this.wakeReader?.();
  }

  /** The consumers started so far, by shard id (for their last sequence numbers). */
  shardConsumers(): ReadonlyMap<string, ShardConsumer> {
    return this.shards;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<ShardRead, void, undefined> {
    await this.loadLineage();
    const wanted = this.options.shardIds;
    for (const [shardId, parents] of this.lineage) {
      const first =
        wanted === undefined ? parents.every((p) => !this.lineage.has(p)) : wanted.includes(shardId);
      if (first) this.startShard(shardId, this.options);
    }
    try {
      while (!this.closed) {
        // A reader's failure ends the iteration at once (the other readers are stopped below).
        if (this.failure !== undefined) throw this.failure;
        const read = this.buffered.shift();
        if (read !== undefined) {
          this.wakeWriters.shift()?.();
          yield read;
          continue;
        }
        if (this.running === 0) return;
        await new Promise<void>((resolve) => {
          this.wakeReader = resolve;
        });
        this.wakeReader = undefined;
      }
    } finally {
      // The caller broke out, a reader failed, or all ended: stop every reader.
      this.close();
    }
  }

  async *records(): AsyncGenerator<ConsumedRecord, void, undefined> {
    for await (const read of this) yield* read.records;
  }

  /** Every retained shard and its parents; the shard map's shards (no lineage) where ListShards fails. */
  private async loadLineage(): Promise<void> {
    try {
      const shards = await this.client.admin.listShards(this.streamName);
      this.lineage = new Map(
        shards.map((s) => [
          s.shardId,
          [s.parentShardId, s.adjacentParentShardId].filter((p): p is string => p !== undefined),
        ]),
      );
    } catch {
      const routes = await this.client.shardRoutes(this.streamName);
      this.lineage = new Map(routes.shards.map((s) => [s.shardId, []]));
    }
  }

  /** Starts `child` once each of its retained parents has ended (a merge child waits for both). */
  private async startChildWhenReady(child: string): Promise<void> {
    if (!this.lineage.has(child)) await this.loadLineage();
    const parents = this.lineage.get(child) ?? [];
    if (!parents.every((p) => this.ended.has(p) || !this.lineage.has(p))) return;
    const { shardIds: _all, ...childOptions } = this.options;
    this.startShard(child, { ...childOptions, start: { type: 'TRIM_HORIZON' } });
  }

  private startShard(shardId: string, options: ShardConsumerOptions): void {
    if (this.shards.has(shardId) || this.closed) return;
    const shard = new ShardConsumer(this.client, this.streamName, shardId, options);
    this.shards.set(shardId, shard);
    this.running++;
    void this.pumpShard(shard).finally(() => {
      this.running--;
      this.wakeReader?.();
    });
  }

  private async pumpShard(shard: ShardConsumer): Promise<void> {
    try {
      for await (const read of shard) {
        this.buffered.push(read);
        this.wakeReader?.();
        while (this.buffered.length >= (this.options.readsBufferedMax ?? 64) && !this.closed) {
          await new Promise<void>((resolve) => this.wakeWriters.push(resolve));
        }
      }
      this.ended.add(shard.shardId);
      for (const child of shard.childShardIds) await this.startChildWhenReady(child);
    } catch (err) {
      if (this.failure === undefined) this.failure = err;
      this.wakeReader?.();
    }
  }
}
