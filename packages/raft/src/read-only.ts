// The leader's queue of read-index requests waiting for a heartbeat round
// to confirm its leadership (ReadOnlyOption.Safe), as etcd-io/raft
// read_only.go. Requests are keyed by their context bytes; a quorum's ack
// of a request also confirms every request queued before it.

import type { NodeId } from './types.js';

/** Bound on queued read-index requests; more are refused (the caller retries). */
export const READ_INDEX_PENDING_MAX = 4096;

export interface ReadIndexRequest {
  /** The node that asked (the leader itself for a local read). */
  readonly from: NodeId;
  readonly ctx: Uint8Array;
}

export interface ReadIndexStatus {
  readonly req: ReadIndexRequest;
  /** The leader's commit index when the request arrived. */
  readonly index: number;
  readonly acks: Set<NodeId>;
}

export function ctxKey(ctx: Uint8Array): string {
  let s = '';
  for (let i = 0; i < ctx.length; i++) s += String.fromCharCode(ctx[i]!);
  return s;
}

export class ReadOnly {
  private readonly pending = new Map<string, ReadIndexStatus>();
  /** Keys in arrival order. Invariant: same key set as `pending`. */
  private queue: string[] = [];

  /** Queues a request at `index`; false if it is a duplicate or the queue is full. */
  addRequest(index: number, req: ReadIndexRequest): boolean {
    const key = ctxKey(req.ctx);
    if (this.pending.has(key) || this.queue.length >= READ_INDEX_PENDING_MAX) return false;
    this.pending.set(key, { req, index, acks: new Set() });
    this.queue.push(key);
    return true;
  }

  /** Records a heartbeat ack carrying `ctx`; returns the acks so far, or undefined for an unknown ctx. */
  recvAck(id: NodeId, ctx: Uint8Array): ReadonlySet<NodeId> | undefined {
    const rs = this.pending.get(ctxKey(ctx));
    if (!rs) return undefined;
    rs.acks.add(id);
    return rs.acks;
  }

  /** Dequeues the request with `ctx` and every request before it (a quorum confirmed them all). */
  advance(ctx: Uint8Array): ReadIndexStatus[] {
    const key = ctxKey(ctx);
    const at = this.queue.indexOf(key);
    if (at < 0) return [];
    const done = this.queue.slice(0, at + 1);
    this.queue = this.queue.slice(at + 1);
    const out: ReadIndexStatus[] = [];
    for (const k of done) {
      const rs = this.pending.get(k);
      if (rs) out.push(rs);
      this.pending.delete(k);
    }
    return out;
  }

  lastPendingRequestCtx(): Uint8Array | undefined {
    const k = this.queue[this.queue.length - 1];
    return k === undefined ? undefined : this.pending.get(k)?.req.ctx;
  }

  size(): number {
    return this.queue.length;
  }
}
