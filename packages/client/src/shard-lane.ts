// One shard's send queue in a Producer. Invariant: batches are numbered in
// the order their records were sent (`order`), and are dispatched in that
// order; a failed batch goes back into the queue at its place and the lane
// pauses until every batch in flight has settled and the backoff passed, so
// a later batch never overtakes an earlier one that is being retried.
import assert from 'node:assert/strict';
import type { RecordInput, Slab } from '@rheo/wire';
import { BatchAccumulator, type BatchBounds } from './batch-accumulator.js';
import type { EncodedBatch } from './batch-slabs.js';
import type { RheoError } from './grpc.js';

export interface RecordSettle {
  readonly resolve: (ack: RecordAck) => void;
  readonly reject: (err: RheoError) => void;
}

export interface RecordAck {
  readonly shardId: string;
  readonly sequenceNumber: string;
}

export interface LaneBatch {
  /** Position among the lane's batches, from 1; never changes. */
  readonly order: number;
  /** The producer epoch and batch sequence sent with it (renumbered after a failure that ends a batch). */
  epoch: number;
  batchSequence: number;
  readonly encoded: Buffer;
  /** The slab `encoded` was carved from (batch-slabs.ts), given back on acknowledgement. */
  readonly slab: Slab | undefined;
  /** The records encoded, kept so a batch refused ShardClosed can be re-routed record by record. */
  readonly records: readonly RecordInput[];
  readonly recordCount: number;
  /** Partition-key plus data bytes (what bufferedBytesMax counts). */
  readonly bytes: number;
  readonly settles: RecordSettle[];
  attempts: number;
  firstAttemptMs: number;
}

export class ShardLane {
  readonly accumulator: BatchAccumulator<RecordSettle>;
  /** Sealed batches not in flight, ascending `order`. */
  readonly queue: LaneBatch[] = [];
  readonly inflight = new Set<LaneBatch>();
  /** Set after a failure: nothing is dispatched until the in-flight batches settle and retryAtMs passes. */
  paused = false;
  retryAtMs = 0;
  /** Set after a batch failed for good: the lane restarts its sequence under a new epoch. */
  renumber = false;
  epoch = 0;
  lingerTimer: NodeJS.Timeout | undefined;
  /**
   * The open batch's linger time has passed while the lane could not send:
   * it is sealed as soon as the lane can send, and until then it keeps
   * taking records (up to the batch bounds). A busy lane therefore sends
   * fewer, fuller batches instead of queueing one small batch per linger.
   */
  lingerExpired = false;
  resumeTimer: NodeJS.Timeout | undefined;
  /**
   * Set once the shard answered ShardClosed (split or merged): the lane sends
   * nothing more; once its in-flight batches settle, every record it has not
   * had written is re-routed (Producer.reroute) and the lane is dropped.
   */
  closed = false;
  rerouting = false;
  /** Batches refused ShardClosed, waiting to be re-routed. */
  readonly closedBatches: LaneBatch[] = [];
  private nextOrder = 1;
  private nextSequence = 1;

  constructor(
    readonly streamName: string,
    readonly shardId: string,
    bounds: BatchBounds,
  ) {
    this.accumulator = new BatchAccumulator(bounds);
  }

  /** Appends a newly sealed batch. */
  push(
    { encoded, slab }: EncodedBatch,
    records: readonly RecordInput[],
    bytes: number,
    settles: RecordSettle[],
  ): LaneBatch {
    const batch: LaneBatch = {
      order: this.nextOrder++,
      epoch: this.epoch,
      batchSequence: this.nextSequence++,
      encoded,
      slab,
      records,
      recordCount: records.length,
      bytes,
      settles,
      attempts: 0,
      firstAttemptMs: 0,
    };
    this.queue.push(batch);
    return batch;
  }

  /** May the lane dispatch one more batch now? */
  canSend(inflightMax: number): boolean {
    return !this.paused && this.inflight.size < inflightMax;
  }

  /** The next batch to dispatch, if the lane may send one more. */
  take(inflightMax: number): LaneBatch | undefined {
    if (!this.canSend(inflightMax)) return undefined;
    const batch = this.queue.shift();
    if (batch !== undefined) this.inflight.add(batch);
    return batch;
  }

  /** Puts a failed batch back at its place, and pauses the lane. */
  requeue(batch: LaneBatch, retryAtMs: number): void {
    assert.ok(this.inflight.delete(batch), 'requeued batch was in flight');
    let i = this.queue.length;
    while (i > 0 && this.queue[i - 1]!.order > batch.order) i--;
    this.queue.splice(i, 0, batch);
    this.paused = true;
    this.retryAtMs = Math.max(this.retryAtMs, retryAtMs);
  }

  /** True when a batch before `batch` is waiting to be retried (its gap refusal is then expected). */
  hasEarlierPending(batch: LaneBatch): boolean {
    return this.queue.length > 0 && this.queue[0]!.order < batch.order;
  }

  /** Starts a new epoch with the sequence from 1 for every batch not yet written (after a final failure). */
  restartSequence(): void {
    this.epoch++;
    this.nextSequence = 1;
    for (const batch of this.queue) {
      batch.epoch = this.epoch;
      batch.batchSequence = this.nextSequence++;
    }
    this.renumber = false;
  }

  /**
   * Every record of a closed lane that was not written, in the order sent:
   * the refused and queued batches by their order, then the open batch.
   * Empties the lane.
   */
  unsent(): { record: RecordInput; settle: RecordSettle }[] {
    const batches = [...this.closedBatches, ...this.queue].sort((a, b) => a.order - b.order);
    this.closedBatches.length = 0;
    this.queue.length = 0;
    const out: { record: RecordInput; settle: RecordSettle }[] = [];
    const take = (records: readonly RecordInput[], settles: readonly RecordSettle[]): void => {
      for (let i = 0; i < records.length; i++) out.push({ record: records[i]!, settle: settles[i]! });
    };
    for (const b of batches) take(b.records, b.settles);
    const open = this.accumulator.seal();
    if (open !== undefined) take(open.records, open.settles);
    return out;
  }

  /** True when nothing is open, queued or in flight. */
  get idle(): boolean {
    return this.accumulator.count === 0 && this.queue.length === 0 && this.inflight.size === 0;
  }
}
