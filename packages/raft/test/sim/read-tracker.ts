// A node's client reads in flight: lease reads (answered from the leader's
// lease without a round trip) and read-index reads (a ReadState comes back
// in a later Ready). A read is served once the state machine has applied up
// to its index, and the checker is told what it returned: the applied index.

import type { NodeId, RaftNodeApi, ReadState } from '../../src/index.js';
import type { SimContext } from './context.js';

/** Bound on reads waiting on one node; older ones are abandoned (a client timeout). */
const PENDING_READS_MAX = 256;

interface PendingRead {
  readonly kind: 'lease' | 'read-index';
  readonly invokeSeq: number;
  readonly index: number;
}

export class ReadTracker {
  private waiting: PendingRead[] = [];
  /** read-index requests sent to the core, by request id. */
  private requested = new Map<number, number>();
  private nextCtx = 1;
  stats = { lease: 0, leaseRefused: 0, readIndex: 0, served: 0 };

  constructor(
    private readonly node: NodeId,
    private readonly ctx: SimContext,
  ) {}

  /** Tries a lease read; false when the node holds no lease. */
  lease(raft: RaftNodeApi, termAt: (i: number) => number): boolean {
    const invokeSeq = this.ctx.nextSeq();
    const index = raft.leaseReadIndex();
    if (index === null) {
      this.stats.leaseRefused++;
      return false;
    }
    const st = raft.status();
    this.ctx.checkers.leaderOwnTerm.observeLeaderRead(this.node, st.term, 'lease', termAt(st.commit));
    this.stats.lease++;
    this.push({ kind: 'lease', invokeSeq, index });
    this.ctx.trace.event(this.ctx.now, this.node, 'read-lease', () => `index=${index}`);
    return true;
  }

  readIndex(raft: RaftNodeApi): void {
    const id = this.nextCtx++;
    const ctxBytes = new Uint8Array(4);
    new DataView(ctxBytes.buffer).setUint32(0, id);
    this.requested.set(id, this.ctx.nextSeq());
    if (this.requested.size > PENDING_READS_MAX) this.requested.delete(this.requested.keys().next().value!);
    this.stats.readIndex++;
    raft.readIndex(ctxBytes);
  }

  onReadStates(states: readonly ReadState[], _applied: number): void {
    for (const rs of states) {
      if (rs.requestCtx.byteLength !== 4) continue;
      const id = new DataView(rs.requestCtx.buffer, rs.requestCtx.byteOffset, 4).getUint32(0);
      const invokeSeq = this.requested.get(id);
      if (invokeSeq === undefined) continue;
      this.requested.delete(id);
      this.push({ kind: 'read-index', invokeSeq, index: rs.index });
    }
  }

  private push(r: PendingRead): void {
    this.waiting.push(r);
    if (this.waiting.length > PENDING_READS_MAX) this.waiting.shift();
  }

  serveUpTo(applied: number): void {
    if (this.waiting.length === 0) return;
    const keep: PendingRead[] = [];
    for (const r of this.waiting) {
      if (r.index > applied) {
        keep.push(r);
        continue;
      }
      this.stats.served++;
      this.ctx.checkers.reads.observeRead(this.node, r.kind, r.invokeSeq, applied);
    }
    this.waiting = keep;
  }

  clear(): void {
    this.waiting = [];
    this.requested.clear();
  }
}
