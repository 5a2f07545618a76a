// SubscribeToShard (enhanced fan-out): a server stream on a node that hosts
// a replica of the shard (its leader, or a follower up to its applied
// index). The session reads a page, writes it as one event, and reads the
// next; once caught up it waits on the replica's commit listeners (no
// polling), sending a keep-alive event every keepAliveMs. Bounded:
// - one event is read ahead at most: the session reads the next page only
//   once the previous event's write callback ran (gRPC handed it to HTTP/2,
//   which holds it under flow control), so a slow subscriber is held by
//   flow control and its memory here is one event (eventBytesMax, or one
//   stored entry when that is larger);
// - a per-subscription byte rate (bytesPerS, Kinesis's 2 MiB/s);
// - a lifetime (Kinesis's 5 minutes), after which the stream ends OK and
//   the client resubscribes from the last continuation;
// - the node's subscription count (perNodeMax → LimitExceeded).
// The subscription ends when the consumer is no longer ACTIVE, the node
// stops, or the shard ends (its last event names the children).
import type * as grpc from '@grpc/grpc-js';
import type { GetShardIteratorRequest, ShardReplica } from '@rheo/broker';
import {
  formatSequenceNumber,
  isSequenceNumber,
  parseSequenceNumber,
  type pb,
  RheoError,
  sequenceParts,
} from '@rheo/wire';
import { metadataOf } from './admin-views.js';
import { childShardsOf } from './child-shards.js';
import { iteratorType, localReplica, resolveShard, resolveStream } from './request-fields.js';
import type { ServiceContext } from './service-context.js';
import { serviceError } from './service-errors.js';
import {
  type SubscriptionBounds,
  type SubscriptionRegistry,
  subscriptionRegistry,
} from './subscribe-options.js';

const METHOD = 'SubscribeToShard';

type SubscribeCall = grpc.ServerWritableStream<pb.SubscribeToShardRequest__Output, pb.SubscribeToShardEvent>;

export function handleSubscribe(ctx: ServiceContext, call: SubscribeCall, bounds?: SubscriptionBounds): void {
  const registry = subscriptionRegistry(ctx, bounds);
  let id: number | undefined;
  const fail = (err: unknown): void => {
    call.emit('error', serviceError(err, METHOD, ctx));
  };
  try {
    if (ctx.calls.stopping)
      throw new RheoError('Unavailable', `node ${ctx.nodeId} is stopping; call another node`);
    const target = resolveTarget(ctx, call.request);
    id = registry.enter();
    const session = new Session(ctx, call, target, registry.bounds, registry, id);
    ctx.calls.begin();
    session
      .run()
      .then(
        () => call.end(),
        (err: unknown) => fail(err),
      )
      .finally(() => {
        registry.leave(id!);
        ctx.calls.end();
      });
  } catch (err) {
    if (id !== undefined) registry.leave(id);
    fail(err);
  }
}

interface Target {
  readonly streamName: string;
  readonly shardId: string;
  readonly consumerArn: string;
  readonly replica: ShardReplica;
  readonly start: GetShardIteratorRequest;
}

function resolveTarget(ctx: ServiceContext, req: pb.SubscribeToShardRequest__Output): Target {
  if (req.consumerArn === '')
    throw new RheoError('InvalidArgument', 'consumer_arn is required', { field: 'consumer_arn' });
  const consumer = metadataOf(ctx).consumerByArn(req.consumerArn);
  if (consumer === undefined)
    throw new RheoError('ResourceNotFound', `Consumer ${req.consumerArn} not found.`, {
      field: 'consumer_arn',
    });
  if (consumer.status !== 'ACTIVE')
    throw new RheoError('ResourceInUse', `Consumer ${consumer.arn} is ${consumer.status}, not ACTIVE`, {
      field: 'consumer_arn',
    });
  const stream = resolveStream(ctx, consumer.streamName, '');
  const shard = resolveShard(ctx, stream, req.shardId);
  const p = req.startingPosition;
  if (p === null)
    throw new RheoError('InvalidArgument', 'starting_position is required', { field: 'starting_position' });
  const type = iteratorType(p.type);
  const start: GetShardIteratorRequest = {
    type,
    ...(p.sequenceNumber === '' ? {} : { sequenceNumber: p.sequenceNumber }),
    ...(type === 'AT_TIMESTAMP' ? { timestampMs: Number(p.timestampMs) } : {}),
  };
  return {
    streamName: stream.name,
    shardId: shard.spec.shardId,
    consumerArn: consumer.arn,
    replica: localReplica(ctx, shard),
    start,
  };
}

class Session {
  private readonly abort = new AbortController();
  /** Resume point: the last delivered record, or where the start sits before any ('' = the start itself). */
  private continuation = '';
  private tokens: number;
  private lastRefillMs: number;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly call: SubscribeCall,
    private readonly target: Target,
    private readonly bounds: SubscriptionBounds,
    private readonly registry: SubscriptionRegistry,
    private readonly id: number,
  ) {
    this.tokens = bounds.bytesPerS;
    this.lastRefillMs = ctx.nowMs();
  }

  async run(): Promise<void> {
    const stop = (): void => this.abort.abort(new RheoError('Unavailable', 'subscription closed'));
    this.call.on('cancelled', stop);
    this.call.on('close', stop);
    const offStop = this.ctx.calls.onStop(stop);
    const lifetime = setTimeout(stop, this.bounds.lifetimeMs);
    try {
      await this.loop();
    } catch (err) {
      if (!this.abort.signal.aborted) throw err;
    } finally {
      clearTimeout(lifetime);
      offStop();
    }
  }

  private async loop(): Promise<void> {
    const { replica, start } = this.target;
    this.continuation = initialContinuation(replica, start);
    let token = await replica.getShardIterator(start, { allowFollower: true });
    // The first event goes at once (empty if need be), so the client has a continuation from the start.
    let lastEventMs = Number.NEGATIVE_INFINITY;
    for (;;) {
      this.checkLive();
      const before = replica.commits.current;
      const page = await replica.readForSubscription(token, {
        allowFollower: true,
        maxBytes: this.bounds.eventBytesMax,
      });
      token = page.nextIterator;
      if (page.lastSequence !== undefined) this.continuation = formatSequenceNumber(page.lastSequence);
      const children = page.shardEnded
        ? childShardsOf(this.ctx, this.target.streamName, this.target.shardId)
        : [];
      if (
        page.recordCount > 0 ||
        page.shardEnded ||
        this.ctx.nowMs() - lastEventMs >= this.bounds.keepAliveMs
      ) {
        await this.send(page, children);
        lastEventMs = this.ctx.nowMs();
      }
      if (page.shardEnded) return;
      if (page.recordCount === 0) await this.waitForCommit(before, lastEventMs);
    }
  }

  /** Ends the subscription when the consumer is gone or no longer ACTIVE (deregistered). */
  private checkLive(): void {
    if (this.abort.signal.aborted) throw this.abort.signal.reason;
    const consumer = this.ctx.cluster?.metadata()?.consumerByArn(this.target.consumerArn);
    if (consumer?.status !== 'ACTIVE')
      throw new RheoError('ResourceNotFound', `Consumer ${this.target.consumerArn} was deregistered`, {
        field: 'consumer_arn',
      });
  }

  private async send(
    page: Awaited<ReturnType<ShardReplica['readForSubscription']>>,
    children: pb.ChildShard[],
  ): Promise<void> {
    let bytes = 0;
    for (const b of page.batches) bytes += b.byteLength;
    const event: pb.SubscribeToShardEvent = {
      storedBatches: page.batches.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)),
      firstBatchSkipRecords: page.firstBatchSkipRecords,
      recordCount: page.recordCount,
      continuationSequenceNumber: this.continuation,
      millisBehindLatest: page.millisBehindLatest,
      childShards: children,
    };
    this.registry.noteReadAhead(this.id, bytes);
    const flushed = (): void => this.registry.noteReadAhead(this.id, -bytes);
    // The next page is read only once this event has left for HTTP/2 (its write callback):
    // stricter than waiting for 'drain' after write() answers false, which would let the
    // object-mode stream queue 16 events first.
    await this.until((resolve) => {
      this.call.write(event, () => {
        flushed();
        resolve();
      });
    });
    await this.spend(bytes);
  }

  /** The rate: a token bucket of bytesPerS, one second deep; an event that overdraws it waits. */
  private async spend(bytes: number): Promise<void> {
    const now = this.ctx.nowMs();
    this.tokens = Math.min(
      this.bounds.bytesPerS,
      this.tokens + ((now - this.lastRefillMs) * this.bounds.bytesPerS) / 1000,
    );
    this.lastRefillMs = now;
    this.tokens -= bytes;
    if (this.tokens >= 0) return;
    const waitMs = Math.ceil((-this.tokens * 1000) / this.bounds.bytesPerS);
    await this.until((resolve) => setTimeout(resolve, waitMs));
  }

  /** Waits for an apply past `before`, or the keep-alive time, or the end of the subscription. */
  private async waitForCommit(before: number, lastEventMs: number): Promise<void> {
    const keepAliveInMs = Math.max(1, this.bounds.keepAliveMs - (this.ctx.nowMs() - lastEventMs));
    const local = new AbortController();
    const onAbort = (): void => local.abort(this.abort.signal.reason);
    this.abort.signal.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => local.abort('keep-alive'), keepAliveInMs);
    try {
      await this.target.replica.commits.wait(before, local.signal);
    } catch (err) {
      if (local.signal.reason !== 'keep-alive') throw err;
    } finally {
      clearTimeout(timer);
      this.abort.signal.removeEventListener('abort', onAbort);
    }
  }

  /** Runs `arm` and resolves when it calls back, or rejects when the subscription ends first. */
  private until(arm: (resolve: () => void) => void): Promise<void> {
    const signal = this.abort.signal;
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      arm(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      });
    });
  }
}

/**
 * Where a resubscription continues when nothing was delivered yet:
 * AFTER_SEQUENCE_NUMBER X continues after X; AT X continues after X - 1;
 * LATEST after the newest record now (none: '' and the client starts at
 * TRIM_HORIZON, which then holds only records newer than the start);
 * TRIM_HORIZON and AT_TIMESTAMP: '' (the client repeats its start).
 */
function initialContinuation(replica: ShardReplica, start: GetShardIteratorRequest): string {
  switch (start.type) {
    case 'AFTER_SEQUENCE_NUMBER':
      return start.sequenceNumber ?? '';
    case 'AT_SEQUENCE_NUMBER': {
      if (start.sequenceNumber === undefined) return '';
      const at = parseSequenceNumber(start.sequenceNumber, 'starting_position.sequence_number');
      const before = at - 1n;
      return isSequenceNumber(before) && sequenceParts(before).base === sequenceParts(at).base
        ? formatSequenceNumber(before)
        : '';
    }
    case 'LATEST': {
      const newest = replica.newestSequence;
      return newest === undefined ? '' : formatSequenceNumber(newest);
    }
    default:
      return '';
  }
}
