// No read is stale: a read invoked after a write was acknowledged must
// reflect it. Reads and acks are ordered by a global event sequence (finer
// than ticks). A read "reflects" the writes at or below the index its node
// had applied when serving it; state-machine safety makes that prefix the
// committed one, so it is enough to compare indexes.

import { InvariantViolation, type NodeId } from './violation.js';

export class ReadLinearizability {
  /** Acks in sequence order, each with the highest acked index up to it. */
  private ackSeqs: number[] = [];
  private ackMaxIndex: number[] = [];
  reads = 0;

  observeAck(seq: number, index: number): void {
    const last = this.ackSeqs.length - 1;
    if (last >= 0 && seq < this.ackSeqs[last]!) throw new Error('ReadLinearizability: acks out of order');
    const prevMax = last >= 0 ? this.ackMaxIndex[last]! : 0;
    this.ackSeqs.push(seq);
    this.ackMaxIndex.push(Math.max(prevMax, index));
  }

  /** The highest index acknowledged by an event before `seq`. */
  private ackedBefore(seq: number): number {
    let lo = 0;
    let hi = this.ackSeqs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ackSeqs[mid]! < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : this.ackMaxIndex[lo - 1]!;
  }

  observeRead(node: NodeId, kind: 'lease' | 'read-index', invokeSeq: number, servedIndex: number): void {
    this.reads++;
    const need = this.ackedBefore(invokeSeq);
    if (servedIndex < need) {
      throw new InvariantViolation(
        `stale-${kind}-read`,
        `node ${node} served a ${kind} read at applied index ${servedIndex}, but index ${need} was acknowledged before the read began`,
      );
    }
  }
}
