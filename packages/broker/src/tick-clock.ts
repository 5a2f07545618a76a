// Counts Raft ticks against a monotonic clock. The core measures leases in
// ticks, and a driver can lose ticks: an event loop stalled by a long GC or a
// busy callback, or a process paused by the OS. A leader that lost ticks would
// believe its lease holds after its followers, whose clocks kept running, have
// elected another leader. That is a stale read.
//
// Replaying the lost ticks is no cure. The replies that arrived during the
// stall are still queued, so a replayed backlog makes a leader's check-quorum
// see silent followers and step down, and makes followers campaign, though no
// real silence happened. Lost ticks are therefore not replayed. Instead they
// are noticed: the host distrusts every lease until an election timeout's
// worth of ticks has passed without a loss (ReplicaHost.leasesTrusted), and
// reads meanwhile take the read-index path.

export class TickClock {
  private readonly baseMs: number;
  private counted = 0;

  constructor(
    private readonly intervalMs: number,
    private readonly monoMs: () => number = () => performance.now(),
  ) {
    if (!(intervalMs > 0)) throw new TypeError(`TickClock: bad interval ${intervalMs} ms`);
    this.baseMs = monoMs();
  }

  /** How many tick intervals have elapsed since the last call (0, usually 1, more after a stall). */
  due(): number {
    const total = Math.floor((this.monoMs() - this.baseMs) / this.intervalMs);
    const n = total - this.counted;
    this.counted = total;
    return n;
  }
}
