// The Producer: send() routes each record to its shard (hash key -> open
// shard via the cached map), gathers each shard's records into batches
// (linger time, 500 records, 5 MiB), encodes each batch once into
// record-batch bytes, and sends it to the shard's leader on that node's
// Produce stream. Each record's promise settles with its shard and sequence
// number when its batch is acknowledged (after a majority fsync).
//
// Retries: NotLeader (take the hint, refresh the map), Unavailable and a
// broken stream (refresh), Backpressure and throttling (back off), and
// OutcomeUnknown when idempotent (the retry reuses the batch sequence, so the
// leader answers a written batch from its table instead of writing it
// twice). Order per shard under retries: see shard-lane.ts.
//
// Resharding: a shard that answers ShardClosed (split or merged) wrote none
// of that batch. Its lane stops sending; once its in-flight batches settle,
// every record it has not had written goes back to the head of the
// admission queue, in the order sent, after the shard map shows the shard
// closed, so each lands in the open child that holds its hash key. While a
// stream re-routes, its new records wait in the admission queue behind
// them: a partition key's records are neither lost nor reordered.
import {
  parseHashKey,
  partitionKeyHashKey,
  partitionKeyProblem,
  type RecordInput,
  recordBytesMax,
} from '@rheo/wire';
import { backoffMs, mayRetry, sleep } from './backoff.js';
import { BatchSender } from './batch-sender.js';
import { BatchSlabs, type EncodedBatch } from './batch-slabs.js';
import { ClientClosedError, isRetryable } from './errors.js';
import { type pb, RheoError } from './grpc.js';
import {
  type ProducerOptions,
  type ResolvedProducerOptions,
  resolveProducerOptions,
} from './producer-options.js';
import type { RheoClient } from './rheo-client.js';
import { sequenceRun } from './sequence-run.js';
import { type LaneBatch, type RecordAck, type RecordSettle, ShardLane } from './shard-lane.js';

export type { RecordAck } from './shard-lane.js';

export interface ProducerRecord {
  readonly partitionKey: string;
  readonly data: Uint8Array;
  /** Decimal string or bigint, 0 .. 2^128-1; overrides MD5(partitionKey) for routing. */
  readonly explicitHashKey?: string | bigint;
}

interface Admission {
  readonly streamName: string;
  readonly record: ProducerRecord;
  readonly bytes: number;
  readonly settle: RecordSettle;
  /** When no open shard first held its key (waitForCoverage). */
  uncoveredSinceMs?: number;
}

function toError(err: unknown): RheoError {
  return err instanceof RheoError ? err : new RheoError('Internal', String(err), { cause: err });
}

/** How soon a record whose key no open shard holds looks at a newer map. */
const coverageRetryMs = 50;
/** Longest wait between shard-map fetches while a closed shard's records wait to be re-routed. */
const rerouteMapPollMs = 100;

export interface ProducerStats {
  batchesSent: number;
  batchesRetried: number;
  recordsAcked: number;
  recordsFailed: number;
}

export class Producer {
  readonly options: ResolvedProducerOptions;
  readonly stats: ProducerStats = { batchesSent: 0, batchesRetried: 0, recordsAcked: 0, recordsFailed: 0 };
  private readonly lanes = new Map<string, ShardLane>();
  private readonly sender: BatchSender;
  /** Where batches are encoded (batch-slabs.ts). */
  private readonly slabs = new BatchSlabs();
  private bufferedBytes = 0;
  private unsettled = 0;
  private readonly roomWaiters: Array<() => void> = [];
  /** Records waiting to enter their lane, in send() order. */
  private readonly admissions: Admission[] = [];
  private admitting = false;
  private readonly idleWaiters: Array<() => void> = [];
  private closed = false;
  /** Streams with a closed shard's records being re-routed, with the count of such lanes. */
  private readonly rerouting = new Map<string, number>();
  /** Set while a record waits for a map in which an open shard holds its key. */
  private coverageTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly client: RheoClient,
    options: ProducerOptions = {},
  ) {
    this.options = resolveProducerOptions(options);
    this.sender = new BatchSender(client, this.options);
  }

  /**
   * Sends one record; resolves with its shard and sequence number once
   * written, or rejects with a RheoError. Records are admitted in call order
   * (a FIFO when the producer is full or the stream's map is not yet known),
   * so two records of one shard are never swapped on the way in.
   */
  send(streamName: string, record: ProducerRecord): Promise<RecordAck> {
    if (this.closed) return Promise.reject(new ClientClosedError('the producer is closed'));
    let bytes: number;
    try {
      bytes = checkRecord(record);
    } catch (err) {
      return Promise.reject(err);
    }
    this.unsettled++;
    return new Promise<RecordAck>((resolve, reject) => {
      const admission: Admission = { streamName, record, bytes, settle: { resolve, reject } };
      if (this.admissions.length === 0 && this.tryAdmit(admission)) return;
      this.admissions.push(admission);
      this.pumpAdmissions();
    });
  }

  /**
   * Routes the record into its shard's lane when the map is cached and there
   * is room; false to wait. A routing failure settles the record (true).
   */
  private tryAdmit(a: Admission): boolean {
    const routes = this.client.shardMaps.cached(a.streamName);
    if (routes === undefined || this.rerouting.has(a.streamName) || !this.hasRoomFor(a.bytes)) return false;
    let hashKey: bigint;
    try {
      const key = a.record.explicitHashKey;
      hashKey =
        key === undefined
          ? partitionKeyHashKey(a.record.partitionKey)
          : typeof key === 'bigint'
            ? key
            : parseHashKey(key);
    } catch (err) {
      this.settleFailed([a.settle], 0, toError(err));
      return true;
    }
    const shard = routes.map.route(a.record.partitionKey, hashKey);
    if (shard === undefined) return this.waitForCoverage(a);
    const shardId = shard.shardId;
    const lane = this.lane(a.streamName, shardId);
    this.bufferedBytes += a.bytes;
    for (const sealed of lane.accumulator.add({ record: a.record, bytes: a.bytes, settle: a.settle })) {
      this.enqueue(lane, sealed.records, sealed.bytes, sealed.settles);
    }
    if (lane.accumulator.count > 0 && lane.lingerTimer === undefined && !lane.lingerExpired) {
      lane.lingerTimer = setTimeout(() => this.lingerOver(lane), this.options.lingerMs);
    }
    return true;
  }

  /**
   * No open shard holds the record's key yet (a merge's child opens only once
   * both parents closed, and one may close first): the record waits, at the
   * head of the admission queue, for a newer map, up to the retry policy's
   * time. False while it waits; true once it failed.
   */
  private waitForCoverage(a: Admission): boolean {
    const now = this.client.options.now();
    a.uncoveredSinceMs ??= now;
    if (now - a.uncoveredSinceMs > this.options.retry.totalMs) {
      const e = new RheoError('Unavailable', `no open shard of ${a.streamName} takes this record's hash key`);
      this.settleFailed([a.settle], 0, e);
      return true;
    }
    if (this.coverageTimer === undefined)
      this.coverageTimer = setTimeout(() => {
        this.coverageTimer = undefined;
        this.client.shardMaps
          .refresh(a.streamName, true)
          .catch(() => undefined)
          .finally(() => this.pumpAdmissions());
      }, coverageRetryMs);
    return false;
  }

  private hasRoomFor(bytes: number): boolean {
    return this.bufferedBytes === 0 || this.bufferedBytes + bytes <= this.options.bufferedBytesMax;
  }

  /** Admits queued records in order: fetches a missing map, stops while there is no room. */
  private pumpAdmissions(): void {
    if (this.admitting) return;
    this.admitting = true;
    void (async () => {
      while (this.admissions.length > 0) {
        const head = this.admissions[0]!;
        if (this.closed) {
          this.admissions.shift();
          this.settleFailed(
            [head.settle],
            0,
            new RheoError('Unavailable', 'the producer closed before sending'),
          );
          continue;
        }
        if (this.rerouting.has(head.streamName)) break;
        if (this.client.shardMaps.cached(head.streamName) === undefined) {
          try {
            await this.client.shardRoutes(head.streamName);
          } catch (err) {
            this.admissions.shift();
            this.settleFailed([head.settle], 0, toError(err));
          }
          continue;
        }
        if (!this.tryAdmit(head)) break;
        this.admissions.shift();
      }
      this.admitting = false;
      this.wakeRoomWaiters();
    })();
  }

  /**
   * True when send() would wait for room: bufferedBytesMax reached, or
   * records already waiting to be admitted (a record that does not fit the
   * room left waits there; without counting them a caller that checks `full`
   * would queue records without bound while the buffer is just short of full).
   */
  get full(): boolean {
    return this.admissions.length > 0 || this.bufferedBytes >= this.options.bufferedBytesMax;
  }

  /**
   * Resolves when there is room for more records. Lets a caller that does
   * not await each record's acknowledgement (a load generator) still be held
   * back by the producer's bound.
   */
  waitForRoom(): Promise<void> {
    if (!this.full || this.closed) return Promise.resolve();
    return new Promise<void>((resolve) => this.roomWaiters.push(resolve));
  }

  /** Sends every open batch now and resolves when every record sent so far has settled. */
  flush(): Promise<void> {
    for (const lane of this.lanes.values()) this.sealOpen(lane);
    if (this.unsettled === 0) return Promise.resolve();
    return new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  /** Flushes, then ends the Produce streams. Later send() calls throw ClientClosedError. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    this.sender.end();
    for (const wake of this.roomWaiters.splice(0)) wake();
  }

  private lane(streamName: string, shardId: string): ShardLane {
    const key = `${streamName}\u0000${shardId}`;
    let lane = this.lanes.get(key);
    if (lane === undefined) {
      lane = new ShardLane(streamName, shardId, this.options);
      this.lanes.set(key, lane);
    }
    return lane;
  }

  /** The open batch has lingered long enough: it leaves now if the lane can send, else when it can. */
  private lingerOver(lane: ShardLane): void {
    lane.lingerTimer = undefined;
    lane.lingerExpired = true;
    this.pump(lane);
  }

  private sealOpen(lane: ShardLane): void {
    if (lane.lingerTimer !== undefined) clearTimeout(lane.lingerTimer);
    lane.lingerTimer = undefined;
    lane.lingerExpired = false;
    const sealed = lane.accumulator.seal();
    if (sealed !== undefined) this.enqueue(lane, sealed.records, sealed.bytes, sealed.settles);
  }

  private enqueue(lane: ShardLane, records: RecordInput[], bytes: number, settles: RecordSettle[]): void {
    let encoded: EncodedBatch;
    try {
      encoded = this.slabs.encode(records);
    } catch (err) {
      // checkRecord ran every per-record rule, so this is a batch-level surprise: fail its records.
      this.settleFailed(
        settles,
        bytes,
        err instanceof RheoError ? err : new RheoError('Internal', String(err)),
      );
      return;
    }
    lane.push(encoded, records, bytes, settles);
    this.pump(lane);
  }

  private pump(lane: ShardLane): void {
    // A lingered batch is sealed only when it can leave at once, after every sealed batch before it.
    const inflightMax = this.options.inflightBatchesPerShardMax;
    if (lane.lingerExpired && lane.queue.length === 0 && lane.canSend(inflightMax)) this.sealOpen(lane);
    for (;;) {
      const batch = lane.take(this.options.inflightBatchesPerShardMax);
      if (batch === undefined) return;
      this.dispatch(lane, batch);
    }
  }

  private dispatch(lane: ShardLane, batch: LaneBatch): void {
    const now = this.client.options.now();
    if (batch.attempts === 0) batch.firstAttemptMs = now;
    batch.attempts++;
    this.stats.batchesSent++;
    const request: pb.PutRecordsRequest = {
      streamName: lane.streamName,
      shardId: lane.shardId,
      recordBatch: batch.encoded,
      ...(this.options.idempotent
        ? {
            producerId: this.options.producerId,
            producerEpoch: batch.epoch,
            batchSequence: batch.batchSequence,
          }
        : {}),
    };
    this.sender.send(lane.streamName, lane.shardId, request, batch.encoded.length).then(
      (ack) => this.onAck(lane, batch, ack.firstSequenceNumber),
      (err: unknown) => this.onFailure(lane, batch, err),
    );
  }

  private onAck(lane: ShardLane, batch: LaneBatch, firstSequenceNumber: string): void {
    lane.inflight.delete(batch);
    this.slabs.release(batch.slab);
    const sequenceNumber = sequenceRun(firstSequenceNumber);
    const shardId = lane.shardId;
    for (let i = 0; i < batch.settles.length; i++) {
      batch.settles[i]!.resolve({ shardId, sequenceNumber: sequenceNumber(i) });
    }
    this.stats.recordsAcked += batch.recordCount;
    this.released(batch.recordCount, batch.bytes);
    this.afterSettle(lane);
  }

  private onFailure(lane: ShardLane, batch: LaneBatch, caught: unknown): void {
    const err =
      caught instanceof RheoError ? caught : new RheoError('Internal', String(caught), { cause: caught });
    if (err.code === 'ShardClosed') {
      lane.inflight.delete(batch);
      lane.closedBatches.push(batch);
      this.closeLane(lane);
      this.afterSettle(lane);
      return;
    }
    this.client.onRouteError(lane.streamName, lane.shardId, err);
    const now = this.client.options.now();
    // A gap refusal behind an earlier batch being retried is expected: that batch goes first.
    const behindRetry =
      err.code === 'InvalidArgument' && err.field === 'batch_sequence' && lane.hasEarlierPending(batch);
    const retry =
      (behindRetry || isRetryable(err, this.options.idempotent)) &&
      mayRetry(this.options.retry, batch.attempts, batch.firstAttemptMs, now, err);
    if (retry && behindRetry) {
      // Not this batch's failure: it goes again right after the earlier one, at no backoff or attempt cost.
      batch.attempts--;
      lane.requeue(batch, now);
    } else if (retry) {
      this.stats.batchesRetried++;
      lane.requeue(
        batch,
        now + backoffMs(this.options.retry, batch.attempts, this.client.options.random, err.retryAfterMs),
      );
    } else {
      lane.inflight.delete(batch);
      this.settleFailed(batch.settles, batch.bytes, err);
      // The leader's table now ends before this batch (or its fate is unknown): the lane's
      // later batches start a new epoch so they are neither refused as a gap nor deduplicated.
      if (this.options.idempotent) {
        lane.renumber = true;
        lane.paused = true;
      }
    }
    this.afterSettle(lane);
  }

  /** After any outcome: resume a paused lane once its in-flight batches settled, else send more. */
  private afterSettle(lane: ShardLane): void {
    if (lane.closed) {
      if (lane.inflight.size === 0 && !lane.rerouting) {
        lane.rerouting = true;
        void this.reroute(lane);
      }
      return;
    }
    if (!lane.paused) {
      this.pump(lane);
      return;
    }
    if (lane.inflight.size > 0 || lane.resumeTimer !== undefined) return;
    const wait = Math.max(0, lane.retryAtMs - this.client.options.now());
    lane.resumeTimer = setTimeout(() => {
      lane.resumeTimer = undefined;
      if (lane.renumber) lane.restartSequence();
      lane.paused = false;
      lane.retryAtMs = 0;
      this.pump(lane);
    }, wait);
  }

  /** The lane's shard closed: it sends nothing more, and its stream admits nothing until the re-route. */
  private closeLane(lane: ShardLane): void {
    if (lane.closed) return;
    lane.closed = true;
    lane.paused = true;
    if (lane.lingerTimer !== undefined) clearTimeout(lane.lingerTimer);
    lane.lingerTimer = undefined;
    this.rerouting.set(lane.streamName, (this.rerouting.get(lane.streamName) ?? 0) + 1);
  }

  /**
   * Waits until the shard map shows the lane's shard closed, then puts every
   * record the lane did not have written back at the head of the admission
   * queue, in the order sent (file comment). Gives up, failing them, when
   * the retry policy's time runs out.
   */
  private async reroute(lane: ShardLane): Promise<void> {
    this.lanes.delete(`${lane.streamName}\u0000${lane.shardId}`);
    const unsent = lane.unsent();
    let bytes = 0;
    const admissions: Admission[] = unsent.map(({ record, settle }) => {
      const b = Buffer.byteLength(record.partitionKey, 'utf8') + record.data.length;
      bytes += b;
      return { streamName: lane.streamName, record: record as ProducerRecord, bytes: b, settle };
    });
    // They are admitted again (and counted again) below.
    this.bufferedBytes -= bytes;
    const startMs = this.client.options.now();
    let failure: RheoError | undefined;
    for (let attempt = 1; ; attempt++) {
      try {
        const routes = await this.client.shardMaps.refresh(lane.streamName, true);
        if (routes.shard(lane.shardId)?.open !== true) break;
      } catch (err) {
        failure = toError(err);
      }
      if (!mayRetry(this.options.retry, attempt, startMs, this.client.options.now())) {
        failure ??= new RheoError(
          'Unavailable',
          `shard ${lane.shardId} closed and no map shows its children yet`,
        );
        break;
      }
      // The controller records the close within a heartbeat or two: poll the map at a steady pace.
      await sleep(
        Math.min(rerouteMapPollMs, backoffMs(this.options.retry, attempt, this.client.options.random)),
      );
      failure = undefined;
    }
    const left = (this.rerouting.get(lane.streamName) ?? 1) - 1;
    if (left > 0) this.rerouting.set(lane.streamName, left);
    else this.rerouting.delete(lane.streamName);
    if (failure !== undefined) {
      this.bufferedBytes += bytes;
      this.settleFailed(
        admissions.map((a) => a.settle),
        bytes,
        failure,
      );
      return;
    }
    this.admissions.unshift(...admissions);
    this.pumpAdmissions();
  }

  private settleFailed(settles: RecordSettle[], bytes: number, err: RheoError): void {
    for (const s of settles) s.reject(err);
    this.stats.recordsFailed += settles.length;
    this.released(settles.length, bytes);
  }

  private released(records: number, bytes: number): void {
    this.unsettled -= records;
    this.bufferedBytes -= bytes;
    // Queued records first (they were sent earlier), then callers waiting for room.
    if (this.admissions.length > 0) this.pumpAdmissions();
    this.wakeRoomWaiters();
    if (this.unsettled === 0) for (const wake of this.idleWaiters.splice(0)) wake();
  }

  private wakeRoomWaiters(): void {
    while (this.roomWaiters.length > 0 && !this.full) this.roomWaiters.shift()!();
  }
}

/** The per-record rules (key, size), checked at send() so one bad record never fails a batch. */
function checkRecord(record: ProducerRecord): number {
  const problem =
    typeof record.partitionKey === 'string' ? partitionKeyProblem(record.partitionKey) : 'not a string';
  if (problem !== undefined) {
    throw new RheoError('InvalidArgument', `partition key: ${problem}`, { field: 'PartitionKey' });
  }
  if (!(record.data instanceof Uint8Array)) {
    throw new RheoError('InvalidArgument', 'data is not bytes (Uint8Array)', { field: 'Data' });
  }
  const bytes = Buffer.byteLength(record.partitionKey, 'utf8') + record.data.length;
  if (bytes > recordBytesMax) {
    throw new RheoError(
      'InvalidArgument',
      `${bytes} bytes (partition key plus data) is over the ${recordBytesMax}-byte record limit`,
      {
        field: 'Data',
      },
    );
  }
  return bytes;
}
