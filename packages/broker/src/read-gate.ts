// Linearizable reads on a leader without a valid lease: a read-index round
// (the core confirms leadership with a heartbeat round a quorum answers and
// hands back a ReadState), then a wait until this replica has applied up to
// that index. Bounded: requests time out after a number of ticks, and every
// waiter is released with an error when leadership is lost or the replica
// stops, so no read waits forever.

import type { ReadState } from '@rheo/raft';
import { RheoError } from '@rheo/wire';

interface ReadRequest {
  readonly resolve: (index: number) => void;
  readonly reject: (e: unknown) => void;
  readonly deadlineTick: number;
}

interface AppliedWaiter {
  readonly index: number;
  readonly resolve: () => void;
  readonly reject: (e: unknown) => void;
}

/** Read-index requests outstanding per replica; past it, reads get Backpressure. */
export const readRequestsMax = 4096;

export class ReadGate {
  private readonly requests = new Map<number, ReadRequest>();
  private appliedWaiters: AppliedWaiter[] = [];
  private nextId = 1;
  private ticks = 0;

  constructor(
    private readonly requestReadIndex: (ctx: Uint8Array) => void,
    private readonly timeoutTicks: number,
  ) {}

  /** Starts a read-index round; resolves with the index that reads may then be served at. */
  readIndex(): Promise<number> {
    if (this.requests.size >= readRequestsMax)
      return Promise.reject(new RheoError('Backpressure', 'too many linearizable reads waiting'));
    const id = this.nextId++;
    const ctx = new Uint8Array(8);
    new DataView(ctx.buffer).setFloat64(0, id);
    return new Promise<number>((resolve, reject) => {
      this.requests.set(id, { resolve, reject, deadlineTick: this.ticks + this.timeoutTicks });
      this.requestReadIndex(ctx);
    });
  }

  onReadStates(states: readonly ReadState[]): void {
    for (const rs of states) {
      if (rs.requestCtx.length !== 8) continue;
      const id = new DataView(rs.requestCtx.buffer, rs.requestCtx.byteOffset, 8).getFloat64(0);
      const req = this.requests.get(id);
      if (req === undefined) continue;
      this.requests.delete(id);
      req.resolve(rs.index);
    }
  }

  /** Resolves once `applied` reaches `index` (call onApplied as it moves). */
  whenApplied(index: number, applied: number): Promise<void> {
    if (applied >= index) return Promise.resolve();
    return new Promise<void>((resolve, reject) => this.appliedWaiters.push({ index, resolve, reject }));
  }

  onApplied(applied: number): void {
    if (this.appliedWaiters.length === 0) return;
    const still: AppliedWaiter[] = [];
    for (const w of this.appliedWaiters) {
      if (w.index <= applied) w.resolve();
      else still.push(w);
    }
    this.appliedWaiters = still;
  }

  /** One tick of the shared timer: read-index rounds past their deadline fail. */
  onTick(): void {
    this.ticks++;
    if (this.requests.size === 0) return;
    for (const [id, req] of this.requests) {
      if (req.deadlineTick > this.ticks) continue;
      this.requests.delete(id);
      req.reject(
        new RheoError('Unavailable', 'the leader could not confirm its leadership in time (no quorum?)'),
      );
    }
  }

  rejectAll(err: RheoError): void {
    for (const req of this.requests.values()) req.reject(err);
    this.requests.clear();
    for (const w of this.appliedWaiters) w.reject(err);
    this.appliedWaiters = [];
  }
}
