// One simulated node: a RawNode, its simulated disk and state machine, and
// the driver loop that follows the Ready contract (types.ts) exactly:
//   1. persist snapshot, entries, hard state (sync when mustSync) — a leader
//      may send its App/Heartbeat/Snap messages before this finishes;
//   2. send the other messages;
//   3. apply the snapshot and committed entries;
//   4. advance.
// A slow sync blocks the driver (it waits for fsync, as a real one would):
// messages queue in the inbox and ticks are owed, then caught up, because a
// real node's clock keeps running while it waits. Process pauses work the
// same way.
//
// With maxReadiesInFlight > 1 (a pipelined driver, as the broker's), a slow
// sync blocks only the Readies behind it: the node keeps ticking, stepping
// its inbox and taking new Readies, whose writes queue on the disk after the
// blocked one's and whose early messages leave at once. When the sync
// returns, every queued Ready is durable and is finished in order.

import {
  type ConfState,
  EMPTY_CONF_STATE,
  EntryType,
  type Message,
  MessageType,
  type NodeId,
  type RaftConfig,
  type RaftNodeApi,
  type Ready,
  Role,
  type Snapshot,
} from '../../src/index.js';
import { AppliedHistory } from './applied-history.js';
import type { AckKind } from './checkers/index.js';
import type { SimContext } from './context.js';
import type { Prng } from './prng.js';
import { ReadTracker } from './read-tracker.js';
import { SimDisk } from './sim-disk.js';
import { decodeSmState, payloadId, StateMachine } from './state-machine.js';

/** Bounds on the driver's queues and loops (a stuck core must fail loudly, not hang the run). */
const INBOX_MAX = 2_000;
const READY_ROUNDS_MAX = 64;

const EARLY_SEND_TYPES: ReadonlySet<number> = new Set([
  MessageType.App,
  MessageType.Heartbeat,
  MessageType.Snap,
]);

export type NodeConfig = Omit<RaftConfig, 'id' | 'storage' | 'applied' | 'random' | 'logger'>;

/** The voters of a configuration (incoming, outgoing) as the core counted them. */
type Voters = [readonly NodeId[], readonly NodeId[]];

/** A Ready taken from the core and not yet finished, with what its checks need from hand-out time. */
interface HeldReady {
  readonly rd: Ready;
  readonly early: readonly boolean[];
  readonly voters: Voters;
  /** The node's role and term as of this Ready (a later queued Ready may change the node's). */
  readonly role: Role;
  readonly term: number;
  /** The node became leader in this Ready: checked once it is persisted. */
  readonly becameLeader: boolean;
}

export class SimNode {
  readonly disk: SimDisk;
  raft: RaftNodeApi | null = null;
  incarnation = 0;
  role: Role = Role.Follower;
  term = 0;
  commit = 0;
  pausedUntilTick = -1;
  private owedTicks = 0;
  /** Voters the core counted when its commit index reached each value (see noteCommit). */
  private commitVoters = new Map<number, Voters>();
  private lastNotedCommit = 0;
  /** Local clock rate relative to simulated time, and the part of a tick accumulated so far. */
  clockRate = 1;
  private clockFraction = 0;
  private inbox: Message[] = [];
  /** Readies waiting for a slow sync, oldest first (one unless pipelined). */
  private blocked: { untilTick: number; queue: HeldReady[] } | null = null;
  private sm = new StateMachine();
  private confState: ConfState;
  private readonly recentApplied = new AppliedHistory();
  /** Local notifications for the core (storage loaded, snapshot status, unreachable), due at a tick. */
  private localCalls: { at: number; fn: () => void }[] = [];
  readonly reads: ReadTracker;
  /** Set once this node is removed from the group and shut down for good. */
  decommissioned = false;
  stats = { syncs: 0, slowSyncs: 0, crashes: 0, restarts: 0, applied: 0 };

  constructor(
    readonly id: NodeId,
    private readonly ctx: SimContext,
    private readonly rng: Prng,
    private readonly config: NodeConfig,
    bootstrap: Snapshot | undefined,
    readonly slowSync: { probability: number; ticksMax: number },
  ) {
    this.disk = new SimDisk({ snapshot: bootstrap }, rng.fork());
    this.disk.hideDamage = ctx.driverBug === 'hide-damage';
    this.disk.onCacheMiss = (at) => this.later(at, () => this.raft?.notifyStorageLoaded());
    this.confState = bootstrap?.metadata.confState ?? EMPTY_CONF_STATE;
    this.reads = new ReadTracker(id, ctx);
  }

  get up(): boolean {
    return this.raft !== null;
  }

  get appliedIndex(): number {
    return this.sm.index;
  }

  appliedConfState(): ConfState {
    return this.confState;
  }

  /** Starts (or restarts) the node over whatever its disk recovered. */
  start(): void {
    const report = this.disk.recover();
    this.observeDurableLog();
    const snap = this.disk.snapshot();
    const durable = this.disk.durableSm();
    const from = snap.metadata.index > durable.index ? decodeSmState(snap.data) : durable;
    this.sm = new StateMachine(from);
    this.confState = this.disk.initialState().confState;
    this.recentApplied.clear();
    this.incarnation++;
    this.commitVoters.clear();
    this.lastNotedCommit = 0;
    this.raft = this.ctx.core.createNode({
      ...this.config,
      id: this.id,
      storage: this.disk,
      applied: from.index,
      random: this.rng.fork(),
    });
    this.role = Role.Follower;
    this.commit = this.disk.initialState().hardState.commit;
    this.term = this.disk.initialState().hardState.term;
    this.ctx.trace.event(this.ctx.now, this.id, 'start', () => {
      const dmg = report.damagedFrom === null ? '' : ` damaged-from=${report.damagedFrom}`;
      return `applied=${from.index} last=${this.disk.lastIndex()} repair=${report.needsRepair}${dmg}`;
    });
  }

  /** kill -9 or power loss; `tornOps` ops of the unsynced buffer survive. */
  crash(tornOps: number): void {
    this.raft = null;
    this.blocked = null;
    this.inbox = [];
    this.localCalls = [];
    this.owedTicks = 0;
    this.pausedUntilTick = -1;
    this.reads.clear();
    this.disk.crash(tornOps);
    this.ctx.onCrashed(this.id);
    this.stats.crashes++;
    this.ctx.trace.event(this.ctx.now, this.id, 'crash', () => `torn-ops=${tornOps}`);
  }

  /** Every durable entry is checked for log matching after a crash (torn writes land without a sync). */
  private observeDurableLog(): void {
    const log = this.disk.durableLog();
    const first = log.store.firstIndex();
    const last = log.lastIndex();
    if (last < first) return;
    for (const e of log.store.entries(first, last + 1, Number.MAX_SAFE_INTEGER)) {
      this.ctx.checkers.logMatching.observeDurable(this.id, e.index, e.term, log.chainAt(e.index)!);
    }
  }

  receive(m: Message): void {
    if (!this.up) return;
    if (this.inbox.length >= INBOX_MAX) return;
    this.inbox.push(m);
  }

  /** Runs `fn` on this incarnation at tick `at` or later (storage loads, snapshot reports). */
  later(at: number, fn: () => void): void {
    const inc = this.incarnation;
    this.localCalls.push({
      at,
      fn: () => {
        if (this.incarnation === inc) fn();
      },
    });
  }

  /**
   * One tick of simulated real time. The node's clock runs at `clockRate`
   * (1 ± a small drift), so nodes disagree slightly on how long a lease or an
   * election timeout lasts, which is what leaseSafetyMarginTicks absorbs.
   */
  tick(): void {
    this.clockFraction += this.clockRate;
    while (this.clockFraction >= 1) {
      this.clockFraction -= 1;
      if (this.up) this.owedTicks++;
    }
    if (this.ctx.driverBug === 'ack-before-sync' && this.ctx.now % 8 === 0) this.disk.sync();
  }

  /**
   * Calls tick() for every tick that elapsed while the driver was paused or
   * waiting on fsync. A real driver must do this (from a monotonic clock)
   * before it serves a client call, or a leader back from a pause would
   * trust a lease that expired while it was stopped.
   */
  catchUpClock(): void {
    const raft = this.raft;
    if (!raft || (this.blocked && !this.pipelined) || this.ctx.now < this.pausedUntilTick) return;
    if (this.ctx.driverBug === 'no-clock-catch-up') this.owedTicks = Math.min(this.owedTicks, 1);
    while (this.owedTicks > 0) {
      this.owedTicks--;
      raft.tick();
      this.noteCommit(raft);
    }
  }

  /** One driver turn: finish a blocked Ready, catch up ticks, step the inbox, drain Ready. */
  process(): void {
    const raft = this.raft;
    if (!raft || this.ctx.now < this.pausedUntilTick) return;
    if (this.blocked) {
      if (this.ctx.now < this.blocked.untilTick) {
        if (!this.pipelined) return;
      } else {
        const { queue } = this.blocked;
        this.blocked = null;
        this.disk.sync();
        for (const held of queue) this.finishReady(raft, held);
      }
    }
    this.catchUpClock();
    this.disk.now = this.ctx.now;
    if (this.localCalls.length > 0) {
      const due = this.localCalls.filter((c) => c.at <= this.ctx.now);
      this.localCalls = this.localCalls.filter((c) => c.at > this.ctx.now);
      for (const c of due) c.fn();
    }
    const inbox = this.inbox;
    this.inbox = [];
    for (const m of inbox) {
      const dropped = raft.step(m);
      this.noteCommit(raft);
      if (dropped !== null)
        this.ctx.trace.event(this.ctx.now, this.id, 'drop', () => `${dropped} type=${m.type}`);
    }
    this.drainReady(raft);
  }

  /** The driver may hold several Readies (and keeps running while a sync is slow). */
  private get pipelined(): boolean {
    return (this.config.maxReadiesInFlight ?? 1) > 1;
  }

  drainReady(raft: RaftNodeApi): void {
    for (let round = 0; round < READY_ROUNDS_MAX; round++) {
      if ((this.blocked && !this.pipelined) || this.raft !== raft || !raft.hasReady()) return;
      this.handleReady(raft, raft.ready());
    }
    throw new Error(`node ${this.id}: Ready not drained after ${READY_ROUNDS_MAX} rounds`);
  }

  private handleReady(raft: RaftNodeApi, rd: Ready): void {
    const becameLeader =
      rd.softState !== undefined && rd.softState.role === Role.Leader && this.role !== Role.Leader;
    if (rd.softState && rd.softState.role !== this.role) {
      const ss = rd.softState;
      this.ctx.trace.event(this.ctx.now, this.id, 'role', () => `${ss.role} leader=${ss.leader}`);
    }
    if (rd.softState) this.role = rd.softState.role;
    if (rd.hardState) this.term = rd.hardState.term;
    if (becameLeader) this.term = raft.status().term;
    const bug = this.ctx.driverBug;
    // Step 1's early sends: only a leader's App/Heartbeat/Snap may leave before persistence.
    const early = rd.messages.map(
      (m) =>
        bug === 'ack-before-sync' ||
        (this.role === Role.Leader && m.from === this.id && EARLY_SEND_TYPES.has(m.type)),
    );
    rd.messages.forEach((m, i) => {
      if (early[i]) this.send(m);
    });
    if (rd.snapshot) this.disk.write({ kind: 'snapshot', snap: rd.snapshot });
    if (rd.entries.length > 0) this.disk.write({ kind: 'entries', entries: rd.entries });
    if (rd.hardState) this.disk.write({ kind: 'hardState', hs: rd.hardState });
    if (rd.repaired) {
      this.disk.write({ kind: 'repaired' });
      this.ctx.trace.event(this.ctx.now, this.id, 'repaired');
    }
    const held: HeldReady = {
      rd,
      early,
      voters: this.votersOfCommit(raft, rd),
      role: this.role,
      term: this.term,
      becameLeader,
    };
    // Behind a slow sync (pipelined): this Ready's writes are queued after the
    // blocked ones and become durable with them; nothing of it that waits for
    // persistence may happen before.
    if (this.blocked) {
      this.blocked.queue.push(held);
      return;
    }
    // Trust the core's mustSync (the persist-before-ack checker verifies it).
    if (rd.mustSync && bug !== 'ack-before-sync') {
      if (this.rng.chance(this.slowSync.probability)) {
        this.stats.slowSyncs++;
        this.blocked = {
          untilTick: this.ctx.now + 1 + this.rng.int(this.slowSync.ticksMax),
          queue: [held],
        };
        this.ctx.trace.event(this.ctx.now, this.id, 'sync-slow', () => `until=${this.blocked!.untilTick}`);
        return;
      }
      this.disk.sync();
    }
    this.finishReady(raft, held);
  }

  private observeNewLeader(term: number): void {
    const c = this.ctx.checkers;
    c.electionSafety.observeLeader(term, this.id);
    c.persistBeforeAck.observeLeader(this.id, term, this.disk.needsRepair());
    c.leaderCompleteness.observeNewLeader(this.id, term, this.disk.viewLog());
    c.leaderOwnTerm.observeTenureStart(this.id, term, this.commit);
    this.ctx.trace.event(this.ctx.now, this.id, 'leader', () => `term=${term} last=${this.disk.lastIndex()}`);
  }

  /** Steps 1 (done) → checks → 2 → 3 → 4. */
  private finishReady(raft: RaftNodeApi, held: HeldReady): void {
    const { rd, early } = held;
    this.stats.syncs += rd.mustSync ? 1 : 0;
    this.observePersisted(held);
    rd.messages.forEach((m, i) => {
      if (!early[i]) this.send(m);
    });
    if (rd.snapshot) this.applySnapshot(rd);
    for (const e of rd.committedEntries) this.applyEntry(raft, e);
    if (rd.snapshot || rd.committedEntries.length > 0) {
      this.disk.write({ kind: 'applied', sm: this.sm.snapshotState(), confState: this.confState });
    }
    this.reads.onReadStates(rd.readStates, this.sm.index);
    raft.advance(rd);
    this.noteCommit(raft);
    this.reads.serveUpTo(this.sm.index);
  }

  private observePersisted({ rd, voters, role, term, becameLeader }: HeldReady): void {
    const c = this.ctx.checkers;
    if (becameLeader) this.observeNewLeader(term);
    if (!this.disk.hasUnsynced()) {
      const durable = this.disk.durableLog();
      for (const e of rd.entries) {
        const chain = durable.chainAt(e.index);
        // Pipelined, a later Ready synced with this one may have replaced the entry: only what the disk holds is observed.
        if (chain !== undefined && durable.store.term(e.index) === e.term)
          c.logMatching.observeDurable(this.id, e.index, e.term, chain);
      }
    }
    if (rd.hardState && rd.hardState.commit !== this.commit) {
      const log = this.disk.viewLog();
      const commit = rd.hardState.commit;
      c.commitStability.observeCommit(this.id, commit, log.chainAt(commit), log.lastIndex());
      if (role === Role.Leader && commit > this.commit) {
        c.leaderOwnTerm.observeLeaderCommit(this.id, term, commit, this.termAt(commit));
        c.leaderCompleteness.observeLeaderCommit(term, commit);
        this.observeCommittedOnMajority(commit, log.chainAt(commit), voters);
      }
      this.commit = commit;
      this.ctx.trace.event(this.ctx.now, this.id, 'commit', () => `${commit} term=${term}`);
    }
  }

  /**
   * Records the voters the core counted when its commit index moved (read
   * after every call that can move it). A pipelined driver may apply a conf
   * change between the call that advanced the commit index and the Ready
   * that reports it; the leader counted under the configuration of that
   * moment, which is what committed-on-majority must check against.
   */
  private noteCommit(raft: RaftNodeApi): void {
    const c = raft.commitIndex();
    if (c <= this.lastNotedCommit) return;
    this.lastNotedCommit = c;
    const cs = raft.status().confState;
    this.commitVoters.set(c, [cs.voters, cs.votersOutgoing]);
  }

  /** The voters counted for the commit index `rd` reports (the current ones if it was not noted). */
  private votersOfCommit(raft: RaftNodeApi, rd: Ready): Voters {
    this.noteCommit(raft);
    const commit = rd.hardState?.commit;
    const noted = commit === undefined ? undefined : this.commitVoters.get(commit);
    // Commit values below this one will not be reported again.
    if (commit !== undefined)
      for (const k of this.commitVoters.keys()) if (k < commit) this.commitVoters.delete(k);
    if (noted !== undefined) return noted;
    const cs = raft.status().confState;
    return [cs.voters, cs.votersOutgoing];
  }

  private observeCommittedOnMajority(commit: number, chain: number | undefined, voters: Voters): void {
    if (chain === undefined || !this.raft) return;
    this.ctx.checkers.committedOnMajority.observeLeaderCommit(
      this.id,
      commit,
      chain,
      voters,
      this.ctx.durableOf,
      this.ctx.isDamaged,
    );
  }

  termAt(i: number): number {
    try {
      return this.disk.term(i);
    } catch {
      return -1;
    }
  }

  private applySnapshot(rd: Ready): void {
    const snap = rd.snapshot!;
    const s = decodeSmState(snap.data);
    this.sm.restore(s);
    this.confState = snap.metadata.confState;
    this.recentApplied.clear();
    this.ctx.checkers.stateMachineSafety.observeApply(this.id, s.index, s.chain);
    this.ctx.trace.event(this.ctx.now, this.id, 'apply-snapshot', () => `index=${s.index}`);
  }

  private applyEntry(raft: RaftNodeApi, e: Ready['committedEntries'][number]): void {
    if (e.index <= this.sm.index) return;
    const s = this.sm.apply(e);
    this.stats.applied++;
    this.ctx.checkers.stateMachineSafety.observeApply(this.id, e.index, s.chain);
    if (e.type === EntryType.ConfChange) {
      const cc = this.ctx.core.decodeConfChange(e.data);
      this.confState = raft.applyConfChange(cc);
      this.noteCommit(raft);
      this.ctx.trace.event(
        this.ctx.now,
        this.id,
        'conf',
        () => `index=${e.index} ${JSON.stringify(this.confState)}`,
      );
    }
    this.recentApplied.push(s, this.confState);
    this.ctx.onApplied(this.id, e.index, e.term, payloadId(e));
  }

  private send(m: Message): void {
    this.ctx.trace.mix(m.type);
    this.ctx.checkers.persistBeforeAck.observeSend(
      this.id,
      m.to,
      ackKind(m),
      this.disk.hasUnsyncedCritical(),
      this.disk.needsRepair(),
    );
    const r = this.ctx.network.send(m, this.ctx.now);
    if (r === 'cut') this.later(this.ctx.now, () => this.raft?.reportUnreachable(m.to));
    if (m.type === MessageType.Snap && r !== 'queued') {
      this.later(this.ctx.now, () => this.raft?.reportSnapshot(m.to, false));
    }
  }

  /** Log compaction by prefix: snapshot a recent applied state and drop the log up to it. */
  compact(): boolean {
    if (!this.up) return false;
    const snap = this.recentApplied.pickSnapshot(this.rng, this.disk.firstIndex() - 1, this.disk.lastIndex());
    if (!snap) return false;
    this.disk.write({ kind: 'compact', snap });
    this.ctx.trace.event(this.ctx.now, this.id, 'compact', () => `to=${snap.metadata.index}`);
    return true;
  }

  /** Waiting on a sync and taking nothing meanwhile (a pipelined driver keeps serving). */
  isBlocked(): boolean {
    return this.blocked !== null && !this.pipelined;
  }
}

function ackKind(m: Message): AckKind {
  if (m.type === MessageType.VoteResp && !m.reject) return 'vote-granted';
  if (m.type === MessageType.AppResp && !m.reject) return 'append-ack';
  return 'other';
}
