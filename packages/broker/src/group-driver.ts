// Drives one Raft group's pure core through real, asynchronous I/O. It
// follows the Ready contract of @rheo/raft (persist → send → apply →
// advance, with its early-send and early-apply rules) and keeps one Ready in
// flight per group. While that Ready's
// persistence is under way, new proposals and messages pile up in the core,
// and the next Ready carries all of them. That is how batching grows with load
// by itself: a slower fsync means bigger batches, never more fsyncs.
//
// Inputs (ticks, messages, proposals) never run the loop directly. They
// schedule one pass on the next turn of the event loop, so everything that
// arrived in the same I/O phase lands in the same Ready.

import {
  type Entry,
  type HardState,
  type Message,
  MessageType,
  type ProposeResult,
  type RaftNodeApi,
  type ReadState,
  Role,
  type Snapshot,
  type SoftState,
} from '@rheo/raft';

/** What must be durable before the group may acknowledge anything (the first step of a Ready). */
export interface PersistWork {
  readonly snapshot?: Snapshot;
  readonly entries: readonly Entry[];
  readonly hardState?: HardState;
  readonly mustSync: boolean;
  readonly repaired?: boolean;
}

/** The I/O of one group, supplied by the replica that owns it (shard or metadata group). */
export interface GroupIo {
  /** Makes the work durable (synced when mustSync); resolves only after that. */
  persist(work: PersistWork): Promise<void>;
  /** Hands messages to the transport. Fire-and-forget: Raft tolerates loss. */
  send(messages: readonly Message[]): void;
  /** Applies a snapshot (if any) and then the committed entries, in order. */
  apply(snapshot: Snapshot | undefined, entries: readonly Entry[]): void | Promise<void>;
  /** Leadership or role changed. */
  onSoftState?(state: SoftState): void;
  /** Linearizable reads became safe at these indexes. */
  onReadStates?(states: readonly ReadState[]): void;
  /** The loop failed (storage error, apply error): the group is stopped and must be repaired. */
  onFatal(err: unknown): void;
  /** Metrics (the server's): asked once per Ready and per proposal; undefined means no clock is read. */
  observer?(): GroupObserver | undefined;
}

/**
 * Timings of a group's Raft work. With one set, the driver reads the clock
 * twice per Ready that persists entries and once per proposal; without, never.
 */
export interface GroupObserver {
  /** A Ready's entries were made durable (with its hard state): how long that took, and how many entries. */
  appended(seconds: number, entries: number): void;
  /** On the leader: a proposal's entries were committed, `seconds` after propose() took them. */
  committed(seconds: number): void;
}

/** Proposals timed at once, at most: past it a proposal goes untimed (a stalled group must not grow memory). */
const timedProposalsMax = 4096;

export type Scheduler = (fn: () => void) => void;

/**
 * How many of `committed` (a prefix) lie below the first of the Ready's new
 * `entries`: those were persisted by earlier Readies. All of them when the
 * Ready brings no new entries.
 */
export function appliedEarlyCount(committed: readonly Entry[], entries: readonly Entry[]): number {
  if (entries.length === 0) return committed.length;
  const firstNew = entries[0]!.index;
  let n = 0;
  while (n < committed.length && committed[n]!.index < firstNew) n++;
  return n;
}

const EARLY_SEND_TYPES: ReadonlySet<number> = new Set([
  MessageType.App,
  MessageType.Heartbeat,
  MessageType.Snap,
]);

export class GroupDriver {
  private role: Role = Role.Follower;
  /** True while a Ready is being handled; at most one at a time (the core's contract). */
  private busy = false;
  private scheduled = false;
  private stopped = false;
  private idle: Promise<void> = Promise.resolve();
  /** The leader's timed proposals not yet committed: last index and propose time (ms), in index order. */
  private timed: Array<{ readonly index: number; readonly atMs: number }> = [];

  constructor(
    readonly id: number,
    readonly node: RaftNodeApi,
    private readonly io: GroupIo,
    private readonly schedule: Scheduler = setImmediate,
  ) {}

  get isLeader(): boolean {
    return this.role === Role.Leader;
  }

  tick(): void {
    if (this.stopped) return;
    this.node.tick();
    // Most ticks of an idle group change nothing: no turn of the event loop is spent on them.
    if (this.node.hasReady()) this.kick();
  }

  step(m: Message): void {
    if (this.stopped) return;
    this.node.step(m);
    this.kick();
  }

  propose(data: Uint8Array): ProposeResult {
    const r = this.node.propose(data);
    if (r.ok) {
      if (this.timed.length < timedProposalsMax && this.io.observer?.() !== undefined)
        this.timed.push({ index: r.lastIndex, atMs: performance.now() });
      this.kick();
    }
    return r;
  }

  /** Wakes the loop after something changed in the core outside the calls above. */
  kick(): void {
    if (this.scheduled || this.busy || this.stopped) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      this.idle = this.pump();
    });
  }

  /** Stops the loop after the Ready in flight (if any) is done. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle;
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (!this.stopped && this.node.hasReady()) {
        const rd = this.node.ready();
        await this.handle(rd);
        this.node.advance(rd);
      }
    } catch (err) {
      this.stopped = true;
      this.io.onFatal(err);
    } finally {
      this.busy = false;
    }
  }

  private async handle(rd: ReturnType<RaftNodeApi['ready']>): Promise<void> {
    if (rd.softState) {
      this.role = rd.softState.role;
      // A leader that stepped down will not see its proposals commit as its own.
      if (this.role !== Role.Leader) this.timed = [];
      this.io.onSoftState?.(rd.softState);
    }
    const observer = this.io.observer?.();
    // The leader counts its own log towards a commit only after advance(), so
    // its appends and heartbeats may leave before its own fsync. This takes the
    // leader's fsync off the commit path. Everything else acknowledges state
    // and must wait for the fsync.
    const early: Message[] = [];
    const late: Message[] = [];
    for (const m of rd.messages) {
      if (this.role === Role.Leader && m.from === this.id && EARLY_SEND_TYPES.has(m.type)) early.push(m);
      else late.push(m);
    }
    if (early.length > 0) this.io.send(early);
    // Committed entries below this Ready's new entries are already on this
    // node's disk (an earlier Ready persisted them) and can never be
    // overwritten, so they are applied while this Ready's write is under way:
    // a leader under steady load answers its producers one fsync sooner.
    // The write is submitted first, so the hard state carrying the commit
    // index reaches the disk no later than any state the apply writes.
    const appliedEarly = rd.snapshot === undefined ? appliedEarlyCount(rd.committedEntries, rd.entries) : 0;
    const persisting =
      rd.snapshot || rd.entries.length > 0 || rd.hardState || rd.repaired
        ? this.startPersist(rd, observer)
        : undefined;
    // Handled here too, so a write that fails while the early apply runs is not an unhandled rejection.
    persisting?.catch(() => {});
    if (this.timed.length > 0 && rd.committedEntries.length > 0)
      this.committed(rd.committedEntries, observer);
    if (appliedEarly > 0) {
      try {
        await this.io.apply(undefined, rd.committedEntries.slice(0, appliedEarly));
      } catch (err) {
        // The write in flight must settle before the group is declared failed.
        await persisting?.catch(() => {});
        throw err;
      }
    }
    await persisting;
    if (late.length > 0) this.io.send(late);
    const rest = rd.committedEntries.slice(appliedEarly);
    if (rd.snapshot || rest.length > 0) await this.io.apply(rd.snapshot, rest);
    if (rd.readStates.length > 0) this.io.onReadStates?.(rd.readStates);
  }

  /** Submits the Ready's persistence work; resolves once it is durable (and timed, with an observer). */
  private async startPersist(
    rd: ReturnType<RaftNodeApi['ready']>,
    observer: GroupObserver | undefined,
  ): Promise<void> {
    const startMs = observer !== undefined && rd.entries.length > 0 ? performance.now() : undefined;
    await this.io.persist({
      snapshot: rd.snapshot,
      entries: rd.entries,
      hardState: rd.hardState,
      mustSync: rd.mustSync,
      repaired: rd.repaired,
    });
    if (startMs !== undefined) observer?.appended((performance.now() - startMs) / 1000, rd.entries.length);
  }

  /** Times the proposals these committed entries complete. */
  private committed(entries: readonly Entry[], observer: GroupObserver | undefined): void {
    const last = entries[entries.length - 1]!.index;
    let done = 0;
    const nowMs = observer === undefined ? 0 : performance.now();
    while (done < this.timed.length && this.timed[done]!.index <= last) {
      observer?.committed((nowMs - this.timed[done]!.atMs) / 1000);
      done++;
    }
    if (done > 0) this.timed.splice(0, done);
  }
}
