// The leader's produce path for one shard (DESIGN §6): batches accepted in
// one event-loop turn are gathered into ONE Raft entry, stamped with their
// sequence numbers in place, proposed once, and answered when that entry is
// applied on this leader. One promise per batch, none per record.
//
// Why the index can be predicted: the core gives a proposal the index
// lastIndex()+1, and nothing else proposes between the prediction and the
// propose call (both run in the same synchronous flush). The prediction is
// asserted against the index the core returns.

import type { ProposeResult } from '@rheo/raft';
import { eventTurn } from '@rheo/storage';
import { entryRecordsMax, formatSequenceNumber, RheoError, sequenceNumber, stampBatch } from '@rheo/wire';
import { assert } from './assert.js';
import { shardClosedError } from './closing-entry.js';
import { encodeEntry } from './entry-codec.js';
import type { BatchAck, ProducerTable } from './producer-table.js';
import { ProducerWindow } from './producer-window.js';
import type { BatchOutcome } from './shard-apply.js';
import type { ProduceAck, ProducerStamp } from './types.js';

/** What the pipeline needs from its replica. */
export interface ProposeHost {
  readonly shardId: string;
  readonly sequenceBase: bigint;
  lastIndex(): number;
  propose(data: Uint8Array): ProposeResult;
  nowMs(): number;
  leaderHint(): string | undefined;
  /** The shard's write limits: a new batch is admitted, or refused with the answer (ProvisionedThroughputExceeded). */
  admit?(bytes: number, records: number): RheoError | undefined;
}

export interface PipelineLimits {
  readonly entryBytesMax: number;
  readonly inflightBytesMax: number;
}

interface Pending {
  readonly batch: Uint8Array;
  readonly recordCount: number;
  readonly producer: ProducerStamp | undefined;
  readonly promise: Promise<ProduceAck>;
  resolve(a: ProduceAck): void;
  reject(e: unknown): void;
}

interface Proposal {
  readonly term: number;
  readonly items: readonly Pending[];
}

/** Envelope bytes allowed per batch when sizing an entry (descriptor: at most 1+1+255+4+8). */
const DESCRIPTOR_BYTES_MAX = 269;
const ENVELOPE_FIXED_BYTES = 16;

export class ProducePipeline {
  private queue: Pending[] = [];
  private readonly proposals = new Map<number, Proposal>();
  private readonly window = new ProducerWindow<Pending>();
  private flushScheduled = false;
  private lastArrivalMs = 0;
  /** Bytes of batches accepted and not yet answered. */
  inflightBytes = 0;

  constructor(
    private readonly host: ProposeHost,
    private readonly limits: PipelineLimits,
    // The process's shared turn: the proposal's Ready, its appends and its
    // write then follow in the same turn (storage's event-turn.ts).
    private readonly schedule: (fn: () => void) => void = (fn) => eventTurn.schedule(fn),
  ) {}

  /** Arrival times never go backwards within a shard, even across leaders with skewed clocks. */
  raiseArrivalFloor(ms: number): void {
    this.lastArrivalMs = Math.max(this.lastArrivalMs, ms);
  }

  get proposalsInFlight(): number {
    return this.proposals.size;
  }

  /** Takes a validated client batch; `table` is the applied producer table (exact: this leader's term has started). */
  enqueue(
    batch: Uint8Array,
    recordCount: number,
    producer: ProducerStamp | undefined,
    table: ProducerTable,
  ): Promise<ProduceAck> {
    if (producer !== undefined) {
      const v = this.window.check(table, producer);
      if (v.kind === 'in-flight') return v.item.promise;
      if (v.kind === 'duplicate') return Promise.resolve(this.ackOf(v.ack, true));
      if (v.kind !== 'new') return Promise.reject(verdictError(producer, v));
    }
    // Only a batch that will be written is charged: a retry answered from the table or window costs nothing.
    const throttled = this.host.admit?.(batch.length, recordCount);
    if (throttled !== undefined) return Promise.reject(throttled);
    if (this.inflightBytes + batch.length > this.limits.inflightBytesMax) {
      return Promise.reject(
        new RheoError(
          'Backpressure',
          `shard ${this.host.shardId}: ${this.inflightBytes} bytes in flight, the bound is ${this.limits.inflightBytesMax}`,
        ),
      );
    }
    const item = newPending(batch, recordCount, producer);
    this.inflightBytes += batch.length;
    if (producer !== undefined) this.window.add(producer, item);
    this.queue.push(item);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      this.schedule(() => this.flush());
    }
    return item.promise;
  }

  /** Proposes everything queued, as few entries as the bounds allow. */
  flush(): void {
    this.flushScheduled = false;
    let at = 0;
    const queue = this.queue;
    this.queue = [];
    while (at < queue.length) {
      const end = this.entryEnd(queue, at);
      const refusal = this.proposeEntry(queue.slice(at, end));
      if (refusal !== undefined) {
        for (let i = at; i < queue.length; i++) this.settle(queue[i]!, undefined, refusal);
        return;
      }
      at = end;
    }
  }

  /** The end (exclusive) of the batches from `at` that fit one entry; at least one. */
  private entryEnd(queue: readonly Pending[], at: number): number {
    let bytes = ENVELOPE_FIXED_BYTES;
    let records = 0;
    let end = at;
    while (end < queue.length) {
      const q = queue[end]!;
      const size = q.batch.length + DESCRIPTOR_BYTES_MAX;
      if (end > at && (bytes + size > this.limits.entryBytesMax || records + q.recordCount > entryRecordsMax))
        break;
      bytes += size;
      records += q.recordCount;
      end++;
    }
    return end;
  }

  /** Proposes one entry; answers the error for its batches when the core refuses it. */
  private proposeEntry(items: readonly Pending[]): RheoError | undefined {
    const index = this.host.lastIndex() + 1;
    const { data, views } = encodeEntry(items.map((q) => ({ batch: q.batch, producer: q.producer })));
    this.lastArrivalMs = Math.max(this.lastArrivalMs, Math.floor(this.host.nowMs()));
    let position = 0;
    for (let i = 0; i < items.length; i++) {
      const firstSequence = sequenceNumber(this.host.sequenceBase, index, position);
      stampBatch(views[i]!, { firstSequence, arrivalMs: this.lastArrivalMs });
      position += items[i]!.recordCount;
    }
    const r = this.host.propose(data);
    if (!r.ok) return refusalError(this.host.shardId, r.reason, r.leader, r.detail);
    assert(r.firstIndex === index && r.lastIndex === index, `predicted index ${index}, got ${r.firstIndex}`);
    this.proposals.set(index, { term: r.term, items });
    return undefined;
  }

  /** An entry was applied on this node: answers the batches proposed at its index. */
  onApplied(index: number, term: number, outcomes: readonly BatchOutcome[] | undefined): void {
    const p = this.proposals.get(index);
    if (p === undefined) return;
    this.proposals.delete(index);
    if (p.term !== term || outcomes === undefined || outcomes.length !== p.items.length) {
      // Another leader's entry took this index: ours was never written, so a retry is safe.
      const e = new RheoError(
        'NotLeader',
        `shard ${this.host.shardId}: leadership changed; the batch was not written`,
        {
          leaderHint: this.host.leaderHint(),
        },
      );
      for (const q of p.items) this.settle(q, undefined, e);
      return;
    }
    for (let i = 0; i < p.items.length; i++) {
      const q = p.items[i]!;
      const o = outcomes[i]!;
      if (o.kind === 'written' || o.kind === 'duplicate')
        this.settle(q, this.ackOf(o.ack, o.kind === 'duplicate'));
      else if (o.kind === 'closed') this.settle(q, undefined, shardClosedError(this.host.shardId));
      else this.settle(q, undefined, verdictError(q.producer!, o));
    }
  }

  /**
   * Leadership was lost (or the replica stops): proposed batches may still
   * commit under the next leader (OutcomeUnknown); queued ones were never
   * proposed (NotLeader / Unavailable, safe to retry).
   */
  abandon(stopping: boolean): void {
    const hint = this.host.leaderHint();
    const unknown = new RheoError(
      'OutcomeUnknown',
      `shard ${this.host.shardId}: leadership changed before the batch committed; it may still be written (retry with the same batch_sequence)`,
    );
    for (const p of this.proposals.values()) for (const q of p.items) this.settle(q, undefined, unknown);
    this.proposals.clear();
    const never = stopping
      ? new RheoError('Unavailable', `shard ${this.host.shardId}: the replica is stopping`)
      : new RheoError('NotLeader', `shard ${this.host.shardId}: not the leader`, { leaderHint: hint });
    const queue = this.queue;
    this.queue = [];
    for (const q of queue) this.settle(q, undefined, never);
    this.window.clear();
  }

  private settle(q: Pending, ack: ProduceAck | undefined, err?: unknown): void {
    this.inflightBytes -= q.batch.length;
    if (q.producer !== undefined) this.window.remove(q.producer, q);
    if (ack !== undefined) q.resolve(ack);
    else q.reject(err);
  }

  private ackOf(a: BatchAck, duplicate: boolean): ProduceAck {
    return {
      shardId: this.host.shardId,
      firstSequenceNumber: formatSequenceNumber(a.firstSequence),
      recordCount: a.recordCount,
      arrivalTimestampMs: a.arrivalMs,
      duplicate,
    };
  }
}

function newPending(batch: Uint8Array, recordCount: number, producer: ProducerStamp | undefined): Pending {
  let resolve!: (a: ProduceAck) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<ProduceAck>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { batch, recordCount, producer, promise, resolve, reject };
}

function refusalError(shardId: string, reason: string, leader: number, detail?: string): RheoError {
  if (reason === 'uncommitted-bytes-max')
    return new RheoError('Backpressure', `shard ${shardId}: too many uncommitted bytes on the leader`);
  const hint = leader > 0 ? String(leader) : undefined;
  return new RheoError(
    'NotLeader',
    `shard ${shardId}: proposal refused (${reason}${detail ? `: ${detail}` : ''})`,
    {
      leaderHint: hint,
    },
  );
}

type Refusal =
  | { readonly kind: 'stale'; readonly lastSequence: number }
  | { readonly kind: 'fenced'; readonly epoch: number }
  | { readonly kind: 'gap'; readonly expected: number };

function verdictError(p: ProducerStamp, v: Refusal): RheoError {
  const who = `producer ${JSON.stringify(p.producerId)}`;
  switch (v.kind) {
    case 'fenced':
      return new RheoError(
        'InvalidArgument',
        `${who}: epoch ${p.producerEpoch} is fenced by epoch ${v.epoch} (a newer instance of this producer)`,
        { field: 'producer_epoch' },
      );
    case 'gap':
      return new RheoError(
        'InvalidArgument',
        `${who}: batch_sequence ${p.batchSequence} skips ahead; the next expected is ${v.expected}`,
        { field: 'batch_sequence' },
      );
    case 'stale':
      return new RheoError(
        'InvalidArgument',
        `${who}: batch_sequence ${p.batchSequence} was written before and is too old to answer (newest ${v.lastSequence})`,
        { field: 'batch_sequence' },
      );
  }
}
