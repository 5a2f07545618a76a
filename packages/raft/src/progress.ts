// The leader's view of one follower: how much of its log matches, what to
// send next, and the flow-control state (probe, replicate, snapshot), as in
// etcd-io/raft tracker/progress.go.

import { Inflights } from './inflights.js';

export type ProgressState = 'probe' | 'replicate' | 'snapshot';

export class Progress {
  /** Highest index known to match the leader's log. Invariant: match < next. */
  match = 0;
  /** Next index to send. */
  next: number;
  /**
   * probe: one App at a time until the follower's position is found;
   * replicate: optimistic pipelining within the inflights window;
   * snapshot: waiting for a snapshot to be installed, nothing is sent.
   */
  state: ProgressState = 'probe';
  /** In the snapshot state: the index of the snapshot being sent. */
  pendingSnapshot = 0;
  /** Heard from recently (reset at each check-quorum interval). */
  recentActive = false;
  /** Sending is paused: one probe is out, or the window is full. Cleared by a heartbeat response. */
  msgAppFlowPaused = false;
  isLearner: boolean;
  /** The leader-local tick of the latest heartbeat round this follower acknowledged (-1 = none): the lease. */
  heartbeatAckTick = -1;
  readonly inflights: Inflights;

  constructor(next: number, maxInflightMsgs: number, maxInflightBytes: number, isLearner: boolean) {
    this.next = next;
    this.isLearner = isLearner;
    this.inflights = new Inflights(maxInflightMsgs, maxInflightBytes);
  }

  private resetState(state: ProgressState): void {
    this.msgAppFlowPaused = false;
    this.pendingSnapshot = 0;
    this.state = state;
    this.inflights.reset();
  }

  becomeProbe(): void {
    // After a snapshot, probe from past it: the follower has at least that much.
    if (this.state === 'snapshot') {
      const pending = this.pendingSnapshot;
      this.resetState('probe');
      this.next = Math.max(this.match + 1, pending + 1);
    } else {
      this.resetState('probe');
      this.next = this.match + 1;
    }
  }

  becomeReplicate(): void {
    this.resetState('replicate');
    this.next = this.match + 1;
  }

  becomeSnapshot(snapshotIndex: number): void {
    this.resetState('snapshot');
    this.pendingSnapshot = snapshotIndex;
  }

  /** Records that an App with `entries` entries (of `bytes` data) was sent starting at `next`. */
  sentEntries(entries: number, bytes: number): void {
    if (this.state === 'replicate') {
      if (entries > 0) {
        const last = this.next + entries - 1;
        this.next = last + 1;
        this.inflights.add(last, bytes);
      }
      this.msgAppFlowPaused = this.inflights.full();
    } else if (this.state === 'probe') {
      // One probe at a time: wait for its answer (or a heartbeat response).
      this.msgAppFlowPaused = true;
    }
  }

  /** The follower acknowledged `n`; returns whether match moved. */
  maybeUpdate(n: number): boolean {
    let updated = false;
    if (this.match < n) {
      this.match = n;
      updated = true;
      this.msgAppFlowPaused = false;
    }
    this.next = Math.max(this.next, n + 1);
    return updated;
  }

  /**
   * The follower rejected an App at `rejected`; `matchHint` is where the
   * leader believes the logs may agree. Returns false for a stale rejection.
   */
  maybeDecrTo(rejected: number, matchHint: number): boolean {
    if (this.state === 'replicate') {
      if (rejected <= this.match) return false;
      this.next = this.match + 1;
      return true;
    }
    if (this.next - 1 !== rejected) return false;
    this.next = Math.max(Math.min(rejected, matchHint + 1), this.match + 1);
    this.msgAppFlowPaused = false;
    return true;
  }

  isPaused(): boolean {
    return this.state === 'snapshot' || this.msgAppFlowPaused;
  }
}
