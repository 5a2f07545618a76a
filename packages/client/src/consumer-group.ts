// A consumer group's worker (the KCL's Worker, against Rheo's built-in
// lease table): `run(handler)` takes leases on the stream's shards from the
// active controller (sharing them with the group's other workers), reads
// each leased shard in order with pull reads, hands every batch to the
// handler, and checkpoints after it (or leaves that to the handler:
// checkpoint: 'manual'). Delivery is at least once: a batch handled but not
// checkpointed before a lease moves is handled again by the next owner.
// Leases are renewed every renewIntervalMs; a lease reported lost stops
// that shard's processing at once (its checkpoints would be refused:
// LeaseLost). A shard read to its end is checkpointed at SHARD_END and
// released, which lets its children's leases be granted. stop() ends the
// reads after the batch in hand, checkpoints, and releases every lease.
import { hostname } from 'node:os';
import {
  GroupCalls,
  type GroupCalls as GroupCallsType,
  type LeaseInfo,
  leaseInfo,
} from './consumer-group-calls.js';
import type { IteratorStart } from './data-calls.js';
import type { pb } from './grpc.js';
import { RheoError } from './grpc.js';
import type { RheoClient } from './rheo-client.js';
import type { ShardConsumer } from './shard-consumer.js';
import type { ConsumedRecord } from './stored-records.js';

export interface GroupBatch {
  readonly shardId: string;
  readonly records: readonly ConsumedRecord[];
  readonly millisBehindLatest: number;
  /** Checkpoints after this batch's last record (what the worker does after the handler unless checkpoint is 'manual'). */
  checkpoint(): Promise<void>;
}

export interface ConsumerGroupOptions {
  /** Unique in the group; host, process id and a random suffix by default. */
  readonly workerId?: string;
  /** Where a shard without a checkpoint starts (the group's setting when it is created). */
  readonly initialPosition?:
    | { readonly type: 'TRIM_HORIZON' | 'LATEST' }
    | { readonly type: 'AT_TIMESTAMP'; readonly timestampMs: number };
  /** The group's lease duration when it is created; 10 s by default. */
  readonly leaseDurationMs?: number;
  /** How often leases are renewed; a third of the lease duration by default. */
  readonly renewIntervalMs?: number;
  /** How often the worker asks for more leases (free, expired, or for balance). */
  readonly acquireIntervalMs?: number;
  /** Most leases this worker takes; 0: its fair share. */
  readonly maxLeases?: number;
  /** 'auto' (after each handler batch) or 'manual' (the handler calls batch.checkpoint()). */
  readonly checkpoint?: 'auto' | 'manual';
  /** Pull-read wait when a shard is caught up. */
  readonly idleWaitMs?: number;
  readonly onShardsGained?: (shardIds: readonly string[]) => void;
  readonly onShardsLost?: (shardIds: readonly string[]) => void;
}

/** The handler threw: run() rejects with the handler's error (its cause). */
class HandlerError extends Error {
  constructor(readonly handlerCause: unknown) {
    super('the consumer-group handler failed', { cause: handlerCause });
  }
}

/** How long a worker waits for the metadata to record a shard's closure before giving up. */
const shardEndWaitMs = 30_000;

interface Running {
  readonly lease: LeaseInfo;
  readonly reader: ShardConsumer;
  lost: boolean;
  lagMs: number;
  done: Promise<void>;
}

const groupRef = (w: ConsumerGroupWorker) => ({
  streamName: w.streamName,
  groupName: w.groupName,
  workerId: w.workerId,
});

export class ConsumerGroupWorker {
  readonly workerId: string;
  private readonly calls: GroupCallsType;
  private readonly running = new Map<string, Running>();
  private stopping = false;
  private wake: (() => void) | undefined;
  private failure: unknown = undefined;

  constructor(
    private readonly client: RheoClient,
    readonly streamName: string,
    readonly groupName: string,
    private readonly options: ConsumerGroupOptions = {},
  ) {
    this.workerId =
      options.workerId ?? `${hostname()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    this.calls = new GroupCalls(client);
  }

  /** Shards this worker processes now. */
  get shardIds(): string[] {
    return [...this.running.keys()].sort();
  }

  /** Processes until stop(); rejects if the handler throws (after releasing the leases). */
  async run(handler: (batch: GroupBatch) => Promise<void> | void): Promise<void> {
    const leaseMs = this.options.leaseDurationMs ?? 10_000;
    await this.calls.call('CreateConsumerGroup', {
      streamName: this.streamName,
      groupName: this.groupName,
      settings: { initialPosition: startPosition(this.options.initialPosition), leaseDurationMs: leaseMs },
    });
    const renewMs = this.options.renewIntervalMs ?? Math.max(50, Math.floor(leaseMs / 3));
    const acquireMs = this.options.acquireIntervalMs ?? Math.max(100, Math.floor(leaseMs / 2));
    let nextAcquire = 0;
    let nextRenew = 0;
    while (!this.stopping && this.failure === undefined) {
      const now = Date.now();
      if (now >= nextRenew) {
        await this.renew().catch(() => undefined); // a failed renewal is retried; expiry decides
        nextRenew = now + renewMs;
      }
      if (now >= nextAcquire) {
        await this.acquire(handler).catch(() => undefined);
        nextAcquire = now + acquireMs;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, Math.max(10, Math.min(nextAcquire, nextRenew) - Date.now()));
      });
    }
    await this.shutdown();
    if (this.failure !== undefined) throw this.failure;
  }

  /** Ends the reads after the batch in hand, checkpoints, releases every lease; run() then resolves. */
  stop(): void {
    this.stopping = true;
    this.wake?.();
  }

  private async acquire(handler: (batch: GroupBatch) => Promise<void> | void): Promise<void> {
    const res = await this.calls.call<pb.AcquireLeasesResponse__Output>('AcquireLeases', {
      ...groupRef(this),
      maxLeases: this.options.maxLeases ?? 0,
    });
    const gained: string[] = [];
    for (const l of res.leases.map(leaseInfo)) {
      const r = this.running.get(l.shardId);
      if (r !== undefined && r.lease.counter === l.counter && !r.lost) continue;
      if (this.stopping) break;
      this.start(l, handler);
      gained.push(l.shardId);
    }
    if (gained.length > 0) this.options.onShardsGained?.(gained);
  }

  private async renew(): Promise<void> {
    if (this.running.size === 0) return;
    const refs = [...this.running.values()].map((r) => ({
      shardId: r.lease.shardId,
      leaseCounter: r.lease.counter,
      millisBehindLatest: r.lagMs,
    }));
    const res = await this.calls.call<pb.RenewLeasesResponse__Output>('RenewLeases', {
      ...groupRef(this),
      leases: refs,
    });
    this.lose(res.lostShardIds);
  }

  private lose(shardIds: readonly string[]): void {
    const lost: string[] = [];
    for (const id of shardIds) {
      const r = this.running.get(id);
      if (r === undefined || r.lost) continue;
      r.lost = true;
      r.reader.close();
      this.running.delete(id);
      lost.push(id);
    }
    if (lost.length > 0) this.options.onShardsLost?.(lost);
  }

  private start(lease: LeaseInfo, handler: (batch: GroupBatch) => Promise<void> | void): void {
    // A child of resharding without a checkpoint starts at its beginning whatever the group's start:
    // its parents were processed to their ends, so its first record is the next one of those keys.
    const start: IteratorStart | undefined =
      lease.checkpointSequenceNumber !== ''
        ? { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: lease.checkpointSequenceNumber }
        : lease.parentShardIds.length > 0
          ? { type: 'TRIM_HORIZON' }
          : this.options.initialPosition;
    const reader = this.client.shardConsumer(this.streamName, lease.shardId, {
      ...(start === undefined ? {} : { start }),
      ...(this.options.idleWaitMs === undefined ? {} : { idleWaitMs: this.options.idleWaitMs }),
    });
    const r: Running = { lease, reader, lost: false, lagMs: 0, done: Promise.resolve() };
    this.running.set(lease.shardId, r);
    r.done = this.process(r, handler).catch((err: unknown) => {
      if (r.lost || (err instanceof RheoError && err.code === 'LeaseLost')) {
        this.lose([lease.shardId]);
        return;
      }
      // Stopping: the next owner resumes from the last checkpoint.
      if (this.stopping && !(err instanceof HandlerError)) return;
      if (err instanceof HandlerError) {
        this.failure ??= err.handlerCause;
        this.stop();
        return;
      }
      // A read failed past the SDK's retries (a shard the cached map does not know yet, a leader
      // that will not answer): give the lease back, uncheckpointed; it is taken again (here or
      // elsewhere) from its last checkpoint.
      this.running.delete(lease.shardId);
      this.options.onShardsLost?.([lease.shardId]);
      this.client.shardMaps.refresh(this.streamName, true).catch(() => undefined);
      void this.release([r]).catch(() => undefined);
    });
  }

  private async process(r: Running, handler: (batch: GroupBatch) => Promise<void> | void): Promise<void> {
    const manual = this.options.checkpoint === 'manual';
    // A shard born of resharding after the client cached the map: fetch the map anew first.
    const routes = await this.client.shardRoutes(this.streamName);
    if (routes.shard(r.lease.shardId) === undefined)
      await this.client.shardMaps.refresh(this.streamName, true);
    for await (const read of r.reader) {
      if (r.lost) return;
      r.lagMs = read.millisBehindLatest;
      const last = read.records[read.records.length - 1]!.sequenceNumber;
      const checkpoint = () => this.checkpoint(r, last, false);
      try {
        await handler({
          shardId: read.shardId,
          records: read.records,
          millisBehindLatest: read.millisBehindLatest,
          checkpoint,
        });
      } catch (err) {
        throw new HandlerError(err);
      }
      if (r.lost) return;
      if (!manual) await checkpoint();
      if (this.stopping) return;
    }
    if (r.lost || this.stopping) return;
    // The shard is closed and read to its end: SHARD_END, then give the lease back so the children may start.
    await this.checkpointShardEnd(r);
    await this.release([r]);
  }

  /**
   * The replica knows its shard closed a moment before the metadata records
   * it (the controller writes the closure after the leader reports it), and
   * until then SHARD_END is refused as "open": retried for a while.
   */
  private async checkpointShardEnd(r: Running): Promise<void> {
    const deadline = Date.now() + shardEndWaitMs;
    for (;;) {
      try {
        await this.checkpoint(r, '', true);
        return;
      } catch (err) {
        const open =
          err instanceof RheoError && err.code === 'InvalidArgument' && err.field === 'at_shard_end';
        if (!open || Date.now() > deadline || this.stopping || r.lost) throw err;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  private async checkpoint(r: Running, sequenceNumber: string, atShardEnd: boolean): Promise<void> {
    await this.calls.call(
      'Checkpoint',
      {
        ...groupRef(this),
        lease: { shardId: r.lease.shardId, leaseCounter: r.lease.counter },
        sequenceNumber,
        atShardEnd,
      },
      false,
    );
  }

  private async release(rs: readonly Running[]): Promise<void> {
    for (const r of rs) this.running.delete(r.lease.shardId);
    if (rs.length === 0) return;
    await this.calls.call('ReleaseLeases', {
      ...groupRef(this),
      leases: rs.map((r) => ({ shardId: r.lease.shardId, leaseCounter: r.lease.counter })),
    });
  }

  private async shutdown(): Promise<void> {
    const all = [...this.running.values()];
    for (const r of all) r.reader.close();
    await Promise.all(all.map((r) => r.done));
    await this.release(all.filter((r) => !r.lost)).catch(() => undefined);
    this.calls.close();
  }
}

function startPosition(p: ConsumerGroupOptions['initialPosition']): pb.StartingPosition {
  if (p === undefined) return { type: 'SHARD_ITERATOR_TYPE_TRIM_HORIZON' };
  return {
    type: `SHARD_ITERATOR_TYPE_${p.type}`,
    ...('timestampMs' in p ? { timestampMs: p.timestampMs } : {}),
  };
}
