// The leader's view of idempotent producers' batches that are accepted and
// not yet applied. Together with the applied table it answers, before a
// batch is proposed, whether the batch is new, a retry of one in flight (the
// retry joins that batch's promise), a retry of one already written, fenced,
// or out of order. The window lives only while this node leads in one term:
// a new leader starts taking batches only after it has applied an entry of
// its own term, when every earlier entry in its log is applied and the table
// is exact, so it never proposes a batch whose outcome it cannot know.

import type { DedupVerdict, ProducerTable } from './producer-table.js';
import type { ProducerStamp } from './types.js';

interface InFlight<T> {
  epoch: number;
  lastSequence: number;
  readonly bySequence: Map<number, { readonly epoch: number; readonly item: T }>;
}

export type WindowVerdict<T> = DedupVerdict | { readonly kind: 'in-flight'; readonly item: T };

export class ProducerWindow<T> {
  private readonly byId = new Map<string, InFlight<T>>();

  check(table: ProducerTable, p: ProducerStamp): WindowVerdict<T> {
    const w = this.byId.get(p.producerId);
    if (w !== undefined) {
      if (p.producerEpoch < w.epoch) return { kind: 'fenced', epoch: w.epoch };
      if (p.producerEpoch === w.epoch) {
        const f = w.bySequence.get(p.batchSequence);
        if (f !== undefined && f.epoch === p.producerEpoch) return { kind: 'in-flight', item: f.item };
        if (p.batchSequence === w.lastSequence + 1) return { kind: 'new' };
        if (p.batchSequence > w.lastSequence + 1) return { kind: 'gap', expected: w.lastSequence + 1 };
        // Older than what is in flight and not in flight: applied already, the table answers.
        const v = table.check(p.producerId, p.producerEpoch, p.batchSequence);
        return v.kind === 'new' || v.kind === 'gap' ? { kind: 'stale', lastSequence: w.lastSequence } : v;
      }
      return { kind: 'new' };
    }
    return table.check(p.producerId, p.producerEpoch, p.batchSequence);
  }

  add(p: ProducerStamp, item: T): void {
    let w = this.byId.get(p.producerId);
    if (w === undefined) {
      w = { epoch: p.producerEpoch, lastSequence: p.batchSequence, bySequence: new Map() };
      this.byId.set(p.producerId, w);
    }
    w.epoch = p.producerEpoch;
    w.lastSequence = p.batchSequence;
    w.bySequence.set(p.batchSequence, { epoch: p.producerEpoch, item });
  }

  /** The batch was answered (or refused): it no longer joins retries. */
  remove(p: ProducerStamp, item: T): void {
    const w = this.byId.get(p.producerId);
    if (w === undefined) return;
    if (w.bySequence.get(p.batchSequence)?.item === item) w.bySequence.delete(p.batchSequence);
    if (w.bySequence.size === 0) {
      this.byId.delete(p.producerId);
      return;
    }
    // A refused batch may have been the newest: the next expected sequence falls back.
    if (p.batchSequence === w.lastSequence) {
      let last = 0;
      for (const [seq, f] of w.bySequence) if (f.epoch === w.epoch && seq > last) last = seq;
      w.lastSequence = last;
    }
  }

  clear(): void {
    this.byId.clear();
  }

  get producers(): number {
    return this.byId.size;
  }
}
