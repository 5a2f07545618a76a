// Drives one Raft group's pure core through real, asynchronous I/O. It
// follows the Ready contract of @rheo/raft (persist → send → apply →
// advance, with its early-send and early-apply rules), and holds as many
// Readies at once as the core hands out (RaftConfig.maxReadiesInFlight).
//
// With one, a Ready's write must finish before the next Ready is taken:
// a follower's next append, or a leader's next proposals, wait a whole write
// before their own write is even submitted. With several, the next Ready is
// taken at once: its write joins the node's next group commit (the writer is
// FIFO, so writes still land in Ready order), a leader's appends leave at
// once, and only what acknowledges state (answers, applies, advance) is
// chained behind the earlier Readies. Batching still grows with load: the
// writer gathers everything submitted during one write into the next.
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
  type Ready,
  Role,
  type Snapshot,
  type SoftState,
} from '@rheo/raft';
import { eventTurn } from '@rheo/storage';

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

const noop = (): void => {};

const EARLY_SEND_TYPES: ReadonlySet<number> = new Set([
  MessageType.App,
  MessageType.Heartbeat,
  MessageType.Snap,
]);

export class GroupDriver {
  private role: Role = Role.Follower;
  private scheduled = false;
  private stopped = false;
  private failed = false;
  /** Settles when the newest Ready handed out is durable: its write and every earlier one's. */
  private durableTail: Promise<void> = Promise.resolve();
  /** Settles when the newest Ready's committed entries are applied (applies run in order). */
  private appliedTail: Promise<void> = Promise.resolve();
  /** Settles when the newest Ready is advanced (advances run in the order handed out). */
  private doneTail: Promise<void> = Promise.resolve();
  /** Writes in flight that carry entries, oldest first: the first index written and when it is durable. */
  private entryWrites: Array<{ readonly first: number; readonly durable: Promise<void> }> = [];
  /** The leader's timed proposals not yet committed: last index and propose time (ms), in index order. */
  private timed: Array<{ readonly index: number; readonly atMs: number }> = [];

  constructor(
    readonly id: number,
    readonly node: RaftNodeApi,
    private readonly io: GroupIo,
    // The process's shared turn: the transport's flush and the writer's next
    // write then follow this pass in its own turn (storage's event-turn.ts).
    private readonly schedule: Scheduler = (fn) => eventTurn.schedule(fn),
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
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  /** Stops taking Readies; resolves once those in flight are done. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.doneTail.catch(noop);
  }

  /** Takes every Ready the core will hand out now (it says no past its in-flight bound). */
  private pump(): void {
    try {
      while (!this.stopped && this.node.hasReady()) this.start(this.node.ready());
    } catch (err) {
      this.fail(err);
    }
  }

  private fail(err: unknown): void {
    this.stopped = true;
    if (this.failed) return;
    this.failed = true;
    this.io.onFatal(err);
  }

  /**
   * Starts one Ready: what must happen at once (role, early sends, the write
   * submitted, so writes reach the FIFO writer in Ready order) happens here;
   * the rest is chained behind the Readies before it (see types.ts `Ready`).
   */
  private start(rd: Ready): void {
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
    const persisting =
      rd.snapshot || rd.entries.length > 0 || rd.hardState || rd.repaired
        ? this.startPersist(rd, observer)
        : undefined;
    const prevDurable = this.durableTail;
    const durable =
      persisting === undefined ? prevDurable : Promise.all([prevDurable, persisting]).then(noop);
    // Handled by the chains below; these keep an early failure from counting as unhandled.
    durable.catch(noop);
    this.durableTail = durable;
    if (rd.entries.length > 0) this.entryWrites.push({ first: rd.entries[0]!.index, durable });
    if (this.timed.length > 0 && rd.committedEntries.length > 0)
      this.committed(rd.committedEntries, observer);
    // Committed entries are applied in order, each once the write that
    // carried it is durable. Under steady load that write is an earlier
    // Ready's, done by now, so a leader answers its producers while this
    // Ready's own write is still under way.
    const prevApplied = this.appliedTail;
    const applied = (async () => {
      await prevApplied;
      if (rd.snapshot) await durable;
      else if (rd.committedEntries.length > 0)
        await this.durableUpTo(rd.committedEntries[rd.committedEntries.length - 1]!.index);
      if (rd.snapshot || rd.committedEntries.length > 0)
        await this.io.apply(rd.snapshot, rd.committedEntries);
    })();
    applied.catch(noop);
    this.appliedTail = applied;
    const prevDone = this.doneTail;
    const done = (async () => {
      try {
        await durable;
        if (late.length > 0) this.io.send(late);
        await applied;
        if (rd.readStates.length > 0) this.io.onReadStates?.(rd.readStates);
        await prevDone;
      } catch (err) {
        // The writes in flight settle before the group is declared failed.
        await this.durableTail.catch(noop);
        throw err;
      }
      this.node.advance(rd);
      // Advances run in the order writes were pushed: the oldest is this Ready's.
      if (rd.entries.length > 0) this.entryWrites.shift();
    })();
    this.doneTail = done;
    done.then(
      () => {
        if (!this.stopped) this.kick();
      },
      (err: unknown) => this.fail(err),
    );
  }

  /**
   * Settles when entries up to `index` are durable here. The newest write in
   * flight that starts at or below `index` holds it (committed entries are
   * never rewritten, so no later write starts there), and writes settle in
   * order; with none, the entries were written by Readies already advanced.
   */
  private durableUpTo(index: number): Promise<void> {
    for (let i = this.entryWrites.length - 1; i >= 0; i--) {
      const w = this.entryWrites[i]!;
      if (w.first <= index) return w.durable;
    }
    return Promise.resolve();
  }

  /** Submits the Ready's persistence work; resolves once it is durable (and timed, with an observer). */
  private async startPersist(rd: Ready, observer: GroupObserver | undefined): Promise<void> {
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
