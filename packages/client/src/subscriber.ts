// Enhanced fan-out, SDK side: `client.subscribe(stream, consumerArn,
// shardId, start)` is an async iterator of pushed events. Each
// subscription is one SubscribeToShard server stream to a node hosting the
// shard (its leader first); when the server ends it (its lifetime, 5
// minutes by default) or it fails retryably (leader moved, node stopping),
// the iterator subscribes again after the last continuation sequence
// number, so the caller sees every record once, in order, across
// resubscriptions. It ends after the event that names the shard's
// children (the shard closed and was read to its end), or on close().
import type { ClientReadableStream } from '@grpc/grpc-js';
import { backoffMs, mayRetry } from './backoff.js';
import type { IteratorStart } from './data-calls.js';
import { callError, isRetryable } from './errors.js';
import { type pb, RheoError } from './grpc.js';
import type { RheoClient } from './rheo-client.js';
import { type ConsumedRecord, decodeStoredRecords } from './stored-records.js';

/** One pushed event, decoded. */
export interface SubscriptionEvent {
  readonly shardId: string;
  readonly records: readonly ConsumedRecord[];
  /** Where to resume: after this sequence number ('' before anything was seen from a TRIM_HORIZON or timestamp start). */
  readonly continuationSequenceNumber: string;
  readonly millisBehindLatest: number;
  /** Set on the shard's last event: the shards that replaced it. */
  readonly childShardIds: readonly string[];
}

export class ShardSubscriber implements AsyncIterable<SubscriptionEvent> {
  /** The resume point after the last event delivered. */
  continuation = '';
  /** Server streams opened so far (the first, then one per resubscription). */
  subscriptions = 0;
  private closed = false;
  private current: ClientReadableStream<pb.SubscribeToShardEvent__Output> | undefined;

  constructor(
    private readonly client: RheoClient,
    readonly streamName: string,
    readonly consumerArn: string,
    readonly shardId: string,
    private readonly start: IteratorStart,
  ) {}

  /** Ends the iteration (the open stream is cancelled). */
  close(): void {
    this.closed = true;
    this.current?.cancel();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<SubscriptionEvent, void, undefined> {
    let attempt = 0;
    let failingSinceMs = 0;
    while (!this.closed) {
      let ended = false;
      try {
        for await (const ev of this.open()) {
          attempt = 0;
          if (ev.continuationSequenceNumber !== '') this.continuation = ev.continuationSequenceNumber;
          const event: SubscriptionEvent = {
            shardId: this.shardId,
            records: decodeStoredRecords(ev),
            continuationSequenceNumber: this.continuation,
            millisBehindLatest: Number(ev.millisBehindLatest),
            childShardIds: ev.childShards.map((c) => c.shardId),
          };
          if (event.childShardIds.length > 0) ended = true;
          yield event;
          if (this.closed) return;
        }
        if (ended) return;
      } catch (raw) {
        if (this.closed) return;
        const err = callError(raw);
        this.client.onRouteError(this.streamName, this.shardId, err);
        const now = this.client.options.now();
        if (attempt === 0) failingSinceMs = now;
        attempt++;
        if (
          !isRetryable(err, true) ||
          !mayRetry(this.client.options.retry, attempt, failingSinceMs, now, err)
        )
          throw err;
        await new Promise((r) =>
          setTimeout(
            r,
            backoffMs(this.client.options.retry, attempt, this.client.options.random, err.retryAfterMs),
          ),
        );
      }
    }
  }

  /** One server stream from where the last one left off. */
  private open(): AsyncIterable<pb.SubscribeToShardEvent__Output> {
    const self = this;
    return {
      async *[Symbol.asyncIterator]() {
        // A child born of resharding after the map was cached: fetch it anew once.
        let route = (await self.client.shardRoutes(self.streamName)).shard(self.shardId);
        if (route === undefined)
          route = (await self.client.shardMaps.refresh(self.streamName, true)).shard(self.shardId);
        if (route === undefined)
          throw new RheoError(
            'ResourceNotFound',
            `shard ${self.shardId} of stream ${self.streamName} is not in the map`,
          );
        const address = route.leaderAddress ?? route.replicaAddresses[0];
        if (address === undefined)
          throw new RheoError(
            'Unavailable',
            `shard ${self.shardId} of stream ${self.streamName} has no known replica`,
          );
        const node = self.client.connections.get(address);
        const call = node.data.SubscribeToShard({
          consumerArn: self.consumerArn,
          shardId: self.shardId,
          startingPosition: self.position(),
        });
        self.current = call;
        self.subscriptions++;
        try {
          for await (const ev of call as AsyncIterable<pb.SubscribeToShardEvent__Output>) yield ev;
        } finally {
          self.current = undefined;
        }
      },
    };
  }

  /** The first start, then AFTER the continuation (or the start again when nothing was seen yet). */
  private position(): pb.StartingPosition {
    if (this.continuation !== '')
      return { type: 'SHARD_ITERATOR_TYPE_AFTER_SEQUENCE_NUMBER', sequenceNumber: this.continuation };
    const s =
      this.subscriptions > 0 && this.start.type === 'LATEST' ? { type: 'TRIM_HORIZON' as const } : this.start;
    return {
      type: `SHARD_ITERATOR_TYPE_${s.type}`,
      ...('sequenceNumber' in s ? { sequenceNumber: s.sequenceNumber } : {}),
      ...('timestampMs' in s ? { timestampMs: s.timestampMs } : {}),
    };
  }
}
