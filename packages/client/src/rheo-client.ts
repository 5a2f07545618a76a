// RheoClient: the SDK's entry point. It owns the node channels, the shard-map
// cache and the retry policy; producers and consumers are made from it and
// share all three. Writes and reads go to the shard's leader (DESIGN.md §2);
// the shard map comes from any seed node.
import { StreamAdmin } from './admin.js';
import {
  type ResolvedClientOptions,
  type RheoClientOptions,
  resolveClientOptions,
} from './client-options.js';
import { ClusterAdmin } from './cluster-admin.js';
import { ConnectionPool, type NodeClients } from './connections.js';
import { Consumer, type ConsumerOptions } from './consumer.js';
import { type ConsumerGroupOptions, ConsumerGroupWorker } from './consumer-group.js';
import { ConsumerGroupAdmin } from './consumer-group-calls.js';
import type {
  GetRecordsOptions,
  IteratorStart,
  ProducerStamp,
  PutResult,
  RecordsPage,
} from './data-calls.js';
import { SeedRing } from './endpoints.js';
import { ClientClosedError, isRetryable, staleMapReason } from './errors.js';
import { type pb, RheoError } from './grpc.js';
import { Producer } from './producer.js';
import type { ProducerOptions } from './producer-options.js';
import { toPutResult } from './put-result.js';
import { type RetryContext, retrying } from './retry.js';
import { ShardConsumer, type ShardConsumerOptions } from './shard-consumer.js';
import { ShardMapCache } from './shard-map-cache.js';
import type { ShardRouteInfo, StreamRoutes } from './shard-routes.js';
import { decodeStoredRecords } from './stored-records.js';
import { ShardSubscriber } from './subscriber.js';
import { StreamConsumers } from './subscriber-admin.js';
import { unary } from './unary.js';

export class RheoClient {
  readonly options: ResolvedClientOptions;
  readonly connections: ConnectionPool;
  readonly shardMaps: ShardMapCache;
  readonly retry: RetryContext;
  private readonly seeds: SeedRing;
  private closed = false;

  constructor(options: RheoClientOptions) {
    this.options = resolveClientOptions(options);
    this.connections = new ConnectionPool(this.options);
    this.seeds = new SeedRing(this.options.endpoints);
    this.shardMaps = new ShardMapCache(
      (stream, knownEpoch) => this.fetchShardMap(stream, knownEpoch),
      this.options.now,
      this.options.shardMapRefreshIntervalMinMs,
    );
    this.retry = {
      policy: this.options.retry,
      random: this.options.random,
      now: this.options.now,
      checkOpen: () => this.checkOpen(),
    };
  }

  checkOpen(): void {
    if (this.closed) throw new ClientClosedError('the client is closed');
  }

  /** The stream's routing table (cached; fetched on first use). */
  shardRoutes(streamName: string): Promise<StreamRoutes> {
    return this.shardMaps.get(streamName);
  }

  /**
   * Runs `call` against one seed node after another until one answers; a
   * retryable failure moves on to the next seed, and a full round of failures
   * backs off and starts again, within the retry policy. `outcomeUnknownSafe`:
   * the call may be repeated after OutcomeUnknown (reads; not creates).
   */
  seedCall<T>(call: (node: NodeClients) => Promise<T>, outcomeUnknownSafe = true): Promise<T> {
    return retrying(
      this.retry,
      async () => {
        let last: unknown;
        for (const address of this.seeds.order()) {
          try {
            const answer = await call(this.connections.get(address));
            this.seeds.prefer(address);
            return answer;
          } catch (err) {
            if (!(err instanceof RheoError) || !isRetryable(err, outcomeUnknownSafe)) throw err;
            this.seeds.demote(address);
            last = err;
          }
        }
        throw last;
      },
      (err) => isRetryable(err, outcomeUnknownSafe),
    );
  }

  /**
   * Runs `call` against the shard's leader, following NotLeader hints and
   * refreshing the map on a stale-map answer, within the retry policy.
   * `outcomeUnknownSafe`: a repeat cannot duplicate (reads; idempotent writes).
   */
  leaderCall<T>(
    streamName: string,
    shardId: string,
    outcomeUnknownSafe: boolean,
    call: (node: NodeClients, route: ShardRouteInfo) => Promise<T>,
  ): Promise<T> {
    return retrying(
      this.retry,
      async () => {
        const routes = await this.shardMaps.get(streamName);
        const route = routes.shard(shardId);
        if (route === undefined) {
          throw new RheoError(
            'ResourceNotFound',
            `shard ${shardId} of stream ${streamName} is not in the map`,
          );
        }
        if (route.leaderAddress === undefined) {
          throw new RheoError('Unavailable', `shard ${shardId} of stream ${streamName} has no known leader`);
        }
        return call(this.connections.get(route.leaderAddress), route);
      },
      (err) => {
        this.onRouteError(streamName, shardId, err);
        return isRetryable(err, outcomeUnknownSafe);
      },
    );
  }

  /** What a failed call to a shard's leader says about the map: take the hint, refresh. */
  onRouteError(streamName: string, shardId: string, err: RheoError): void {
    if (err.code === 'NotLeader' && err.leaderHint !== undefined) {
      this.shardMaps.noteLeader(streamName, shardId, err.leaderHint, err.leaderNodeId);
      return;
    }
    if (staleMapReason(err.code)) this.shardMaps.refresh(streamName).catch(() => undefined);
  }

  /** One batch (record-batch bytes) to one shard, unary; `stamp` makes a retry safe. */
  putRecords(
    streamName: string,
    shardId: string,
    recordBatch: Uint8Array,
    stamp?: ProducerStamp,
  ): Promise<PutResult> {
    const request: pb.PutRecordsRequest = {
      streamName,
      shardId,
      recordBatch: Buffer.from(recordBatch.buffer, recordBatch.byteOffset, recordBatch.byteLength),
      ...(stamp === undefined ? {} : stamp),
    };
    return this.leaderCall(streamName, shardId, stamp !== undefined, async (node) =>
      toPutResult(await unary(node.data.PutRecords, node.data, request, this.options.callDeadlineMs)),
    );
  }

  getShardIterator(streamName: string, shardId: string, start: IteratorStart): Promise<string> {
    const request: pb.GetShardIteratorRequest = {
      streamName,
      shardId,
      shardIteratorType: `SHARD_ITERATOR_TYPE_${start.type}`,
      ...('sequenceNumber' in start ? { startingSequenceNumber: start.sequenceNumber } : {}),
      ...('timestampMs' in start ? { timestampMs: start.timestampMs } : {}),
    };
    return this.leaderCall(streamName, shardId, true, async (node) => {
      const answer = await unary(node.data.GetShardIterator, node.data, request, this.options.callDeadlineMs);
      return answer.shardIterator;
    });
  }

  /** One GetRecords call at `iterator`, decoded. The shard id routes the call to its leader. */
  getRecords(
    streamName: string,
    shardId: string,
    iterator: string,
    options: GetRecordsOptions = {},
  ): Promise<RecordsPage> {
    const request: pb.GetRecordsRequest = {
      shardIterator: iterator,
      limit: options.limit ?? 0,
      maxBytes: options.maxBytes ?? 0,
      allowFollowerRead: options.allowFollowerRead ?? false,
    };
    return this.leaderCall(streamName, shardId, true, async (node) => {
      const answer = await unary(node.data.GetRecords, node.data, request, this.options.callDeadlineMs);
      return {
        records: decodeStoredRecords(answer),
        nextShardIterator: answer.nextShardIterator,
        millisBehindLatest: answer.millisBehindLatest,
        childShardIds: answer.childShards.map((c) => c.shardId),
      };
    });
  }

  /** A Producer sharing this client's channels and shard maps. */
  producer(options?: ProducerOptions): Producer {
    return new Producer(this, options);
  }

  /** Pull reads of every shard of a stream (or the shards named in options). */
  consumer(streamName: string, options?: ConsumerOptions): Consumer {
    return new Consumer(this, streamName, options);
  }

  /** Pull reads of one shard. */
  shardConsumer(streamName: string, shardId: string, options?: ShardConsumerOptions): ShardConsumer {
    return new ShardConsumer(this, streamName, shardId, options);
  }

  /**
   * Enhanced fan-out: the records pushed to a registered consumer (its ARN
   * from admin.registerStreamConsumer) from one shard, as an async
   * iterator that resubscribes from the continuation by itself.
   */
  subscribe(streamName: string, consumerArn: string, shardId: string, start: IteratorStart): ShardSubscriber {
    return new ShardSubscriber(this, streamName, consumerArn, shardId, start);
  }

  /** Enhanced fan-out consumers: register, describe, list, deregister. */
  get consumers(): StreamConsumers {
    return new StreamConsumers(this);
  }

  /** Consumer groups' administration (describe, list, delete); close() it when done. */
  consumerGroupAdmin(): ConsumerGroupAdmin {
    return new ConsumerGroupAdmin(this);
  }

  /** A consumer group's worker: `run(handler)` processes the stream's shards shared with the group's other workers. */
  consumerGroup(streamName: string, groupName: string, options?: ConsumerGroupOptions): ConsumerGroupWorker {
    return new ConsumerGroupWorker(this, streamName, groupName, options);
  }

  /** Stream administration (create, describe, list, delete, tags). */
  get admin(): StreamAdmin {
    return new StreamAdmin(this);
  }

  /** Cluster information and node operations (describe, drain, undrain, remove). */
  get clusterAdmin(): ClusterAdmin {
    return new ClusterAdmin(this);
  }

  /** Closes every channel; calls in flight fail, later calls throw ClientClosedError. */
  close(): void {
    this.closed = true;
    this.connections.close();
  }

  /**
   * The stream's map from the seeds. A node that hosts none of the stream's
   * shards knows none of their leaders (before a controller exists), so an
   * answer missing leaders sends the fetch on to the next seed; the answer
   * knowing the most leaders wins if none knows them all.
   */
  private fetchShardMap(streamName: string, knownEpoch: number): Promise<pb.GetShardMapResponse__Output> {
    let best: { answer: pb.GetShardMapResponse__Output; known: number } | undefined;
    let asked = 0;
    const seeds = this.options.endpoints.length;
    return this.seedCall(async (node) => {
      const answer = await unary(
        node.cluster.GetShardMap,
        node.cluster,
        { streamNames: [streamName], knownEpoch },
        this.options.callDeadlineMs,
      );
      asked++;
      const { known, open } = leaderCoverage(answer, streamName);
      if (answer.unchanged || known === open) return answer;
      if (best === undefined || known > best.known) best = { answer, known };
      if (asked % seeds === 0) return best.answer;
      throw new RheoError(
        'Unavailable',
        `${node.address} knows ${known} of ${open} leaders of ${streamName}`,
      );
    });
  }
}

/** How many of a stream's open shards an answer names a leader for. */
function leaderCoverage(
  answer: pb.GetShardMapResponse__Output,
  streamName: string,
): { known: number; open: number } {
  const stream = answer.streams.find((s) => s.streamName === streamName);
  const open = stream?.shards.filter((s) => s.open) ?? [];
  return { known: open.filter((s) => s.leaderNodeId !== 0).length, open: open.length };
}
