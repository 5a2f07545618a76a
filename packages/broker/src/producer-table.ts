// The idempotent-producer table: per producer id, its epoch and the answers
// to its last few batches. It is part of the replicated shard state: every
// replica changes it only when it applies an entry, in log order, so every
// replica holds the same table at the same applied index (including which
// producer the LRU bound evicts). The leader consults it (plus the batches
// it has in flight, see producer-window.ts) before proposing.

import { assert } from './assert.js';

export interface BatchAck {
  readonly batchSequence: number;
  readonly firstSequence: bigint;
  readonly recordCount: number;
  readonly arrivalMs: number;
}

export interface ProducerRecord {
  readonly epoch: number;
  /** Ascending batchSequence, at most `batchesKept`; never empty. */
  readonly acks: readonly BatchAck[];
}

export type DedupVerdict =
  /** Not seen: write it. */
  | { readonly kind: 'new' }
  /** Written before and still remembered: answer with the original ack. */
  | { readonly kind: 'duplicate'; readonly ack: BatchAck }
  /** Written before but too old to answer (outside the kept window). */
  | { readonly kind: 'stale'; readonly lastSequence: number }
  /** A lower epoch than the producer's current one: a zombie. */
  | { readonly kind: 'fenced'; readonly epoch: number }
  /** A sequence past the next expected one: a batch is missing in between. */
  | { readonly kind: 'gap'; readonly expected: number };

export class ProducerTable {
  /** Insertion order is recency order: the first key is the least recently written producer. */
  private readonly byId = new Map<string, ProducerRecord>();

  constructor(
    readonly producersMax: number,
    readonly batchesKept: number,
  ) {
    assert(producersMax > 0 && batchesKept > 0, 'producer table bounds');
  }

  get size(): number {
    return this.byId.size;
  }

  get(producerId: string): ProducerRecord | undefined {
    return this.byId.get(producerId);
  }

  /** What a batch with these fields is, against the applied table alone. */
  check(producerId: string, epoch: number, batchSequence: number): DedupVerdict {
    const r = this.byId.get(producerId);
    // An unknown producer (new, or evicted by the bound) may start at any sequence.
    if (r === undefined || epoch > r.epoch) return { kind: 'new' };
    if (epoch < r.epoch) return { kind: 'fenced', epoch: r.epoch };
    const last = r.acks[r.acks.length - 1]!.batchSequence;
    if (batchSequence === last + 1) return { kind: 'new' };
    if (batchSequence > last + 1) return { kind: 'gap', expected: last + 1 };
    for (const ack of r.acks) if (ack.batchSequence === batchSequence) return { kind: 'duplicate', ack };
    return { kind: 'stale', lastSequence: last };
  }

  /** Records a written batch (apply step); a higher epoch starts the producer afresh. */
  record(producerId: string, epoch: number, ack: BatchAck): void {
    const r = this.byId.get(producerId);
    const keep = r !== undefined && r.epoch === epoch ? r.acks : [];
    const acks =
      keep.length >= this.batchesKept ? keep.slice(keep.length - this.batchesKept + 1) : keep.slice();
    acks.push(ack);
    this.byId.delete(producerId);
    this.byId.set(producerId, { epoch, acks });
    while (this.byId.size > this.producersMax) {
      const oldest = this.byId.keys().next().value as string;
      this.byId.delete(oldest);
    }
  }

  /** Restores one producer during decoding, oldest first. */
  restore(producerId: string, record: ProducerRecord): void {
    assert(record.acks.length > 0, 'a producer record has at least one ack');
    this.byId.set(producerId, record);
  }

  entries(): IterableIterator<[string, ProducerRecord]> {
    return this.byId.entries();
  }
}
