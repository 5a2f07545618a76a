// This node's replica of the metadata group (Raft group 1, storage `meta`),
// on controller-role nodes only. A GroupDriver runs the core over the
// group's log, as a shard replica's does; committed entries are MetaCommands
// applied to the MetaState in log order, the same on every voter.
//
// - propose(cmd) resolves with the command's ApplyOutcome once its entry is
//   applied here: the proposal's index is the one the core gives it, and the
//   entry applied at that index answers it when its term is the proposal's
//   (another leader's entry at that index means ours was never written).
// - Leadership lost: every proposal waiting is rejected NotLeader (it may
//   still be applied under the next leader; the controller's commands are
//   level-triggered and idempotent, so a retry is safe).
// - The log is compacted every `compactEveryEntries` applied entries, with
//   the state's encoding as the snapshot (meta-open.ts says how a restart
//   recovers from it).

import { GroupDriver, type GroupObserver } from '@rheo/broker';
import {
  type ApplyOutcome,
  decodeMetaCommand,
  encodeMetaCommand,
  type MetaAccess,
  type MetaCommand,
  MetaState,
} from '@rheo/controller';
import {
  decodeConfChange,
  type Entry,
  EntryType,
  type Message,
  type NodeId,
  type RaftLogger,
  type RaftStats,
  type RaftStatus,
  type RandomSource,
  Role,
  type Snapshot,
  type SoftState,
} from '@rheo/raft';
import type { GroupLog, NodeStore } from '@rheo/storage';
import { isRheoError, RheoError } from '@rheo/wire';
import type { Logger } from '../log/logger.js';
import { type MetaRaftOptions, metaGroupId, metaRaftNode, openMetaGroup } from './meta-open.js';

/** Compact the metadata log every this many applied entries (docs/cluster.md). */
export const metaCompactEveryEntries = 1_000;
/** Proposals waiting for their entry, at most (each is one admin call or controller step). */
export const metaProposalsMax = 10_000;

export interface MetaReplicaDeps {
  readonly nodeId: NodeId;
  readonly clusterId: string;
  readonly store: NodeStore;
  /** The founding voters (controller_voters' ids). */
  readonly voters: readonly number[];
  readonly send: (groupId: number, msg: Message) => void;
  readonly options: MetaRaftOptions & { readonly tickIntervalMs: number };
  readonly random: RandomSource;
  readonly raftLogger?: RaftLogger | undefined;
  readonly log: Logger;
  readonly compactEveryEntries?: number;
  /** Called after committed entries (or a snapshot) were applied. */
  readonly onApplied?: (state: MetaState) => void;
  /** Called after every Ready that changed the role or the leader. */
  readonly onLeadership?: (isLeader: boolean, leader: NodeId) => void;
}

interface Waiting {
  readonly term: number;
  resolve(o: ApplyOutcome): void;
  reject(e: unknown): void;
}

export class MetaReplica implements MetaAccess {
  private readonly driver: GroupDriver;
  private current: MetaState;
  private role: Role = Role.Follower;
  private leaderId: NodeId = 0;
  private readonly waiting = new Map<number, Waiting>();
  private compactedAt: number;
  private appliedIndex: number;
  private timer: ReturnType<typeof setInterval> | undefined;
  private stopped = false;
  private failure: unknown;
  private readonly compactEvery: number;
  /** Metrics: the metadata group's Raft timing observer (the node's observability sets it); unset, no clock is read. */
  raftObserver: GroupObserver | undefined = undefined;

  static async open(deps: MetaReplicaDeps): Promise<MetaReplica> {
    const g = await openMetaGroup(deps.store, deps.clusterId, deps.voters);
    return new MetaReplica(deps, g.log, g.state, g.applied);
  }

  private constructor(
    private readonly deps: MetaReplicaDeps,
    private readonly log: GroupLog,
    state: MetaState,
    applied: number,
  ) {
    this.current = state;
    this.appliedIndex = applied;
    this.compactedAt = applied;
    this.compactEvery = deps.compactEveryEntries ?? metaCompactEveryEntries;
    const node = metaRaftNode(deps.nodeId, log, applied, deps.options, deps.random, deps.raftLogger);
    this.driver = new GroupDriver(deps.nodeId, node, {
      persist: (w) => log.persist(w),
      send: (msgs) => {
        for (const m of msgs) deps.send(metaGroupId, m);
      },
      apply: (snap, entries) => this.apply(snap, entries),
      onSoftState: (s) => this.onSoftState(s),
      onFatal: (err) => this.fail(err),
      observer: () => this.raftObserver,
    });
    log.setSnapshotProvider(() => this.current.encode());
    log.onLoaded = () => {
      node.notifyStorageLoaded();
      this.driver.kick();
    };
    this.driver.kick();
  }

  // ---- MetaAccess ----

  /** The applied state (the epoch is its appliedIndex). Do not mutate. */
  state(): MetaState {
    return this.current;
  }

  propose(cmd: MetaCommand): Promise<ApplyOutcome> {
    try {
      if (this.failure !== undefined || this.stopped)
        throw new RheoError('Unavailable', `node ${this.deps.nodeId}: the metadata replica is stopped`);
      if (this.role !== Role.Leader) throw this.notLeader();
      if (this.waiting.size >= metaProposalsMax)
        throw new RheoError('Backpressure', 'too many metadata changes wait to be committed');
      const r = this.driver.propose(encodeMetaCommand(cmd));
      if (!r.ok) {
        if (r.reason === 'uncommitted-bytes-max')
          throw new RheoError('Backpressure', 'too many uncommitted metadata changes');
        throw this.notLeader();
      }
      return new Promise((resolve, reject) =>
        this.waiting.set(r.lastIndex, { term: r.term, resolve, reject }),
      );
    } catch (e) {
      return Promise.reject(e);
    }
  }

  // ---- Leadership ----

  get isLeader(): boolean {
    return this.role === Role.Leader;
  }

  /** The leader's node id as this replica knows it; 0 when none. */
  leader(): NodeId {
    return this.role === Role.Leader ? this.deps.nodeId : this.leaderId;
  }

  raftStatus(): RaftStatus {
    return this.driver.node.status();
  }

  raftStats(): RaftStats {
    return this.driver.node.stats();
  }

  private onSoftState(s: SoftState): void {
    const wasLeader = this.role === Role.Leader;
    this.role = s.role;
    this.leaderId = s.leader;
    if (wasLeader && s.role !== Role.Leader) this.rejectWaiting(this.notLeader());
    this.deps.onLeadership?.(this.isLeader, this.leader());
  }

  /** NotLeader naming the leader this replica knows (by node id; the services turn it into an address). */
  notLeader(): RheoError {
    const leader = this.leader();
    const other = leader > 0 && leader !== this.deps.nodeId;
    return new RheoError(
      'NotLeader',
      `node ${this.deps.nodeId} is not the active controller${other ? `; node ${leader} is` : ' (none is elected yet)'}`,
      other ? { leaderNodeId: leader } : {},
    );
  }

  private rejectWaiting(e: unknown): void {
    const all = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of all) w.reject(e);
  }

  // ---- Apply ----

  private apply(snap: Snapshot | undefined, entries: readonly Entry[]): void {
    if (this.stopped) return;
    if (snap !== undefined) {
      this.current = MetaState.decode(snap.data);
      this.appliedIndex = snap.metadata.index;
    }
    for (const e of entries) {
      const outcome = this.applyEntry(e);
      this.appliedIndex = e.index;
      const w = this.waiting.get(e.index);
      if (w === undefined) continue;
      this.waiting.delete(e.index);
      if (w.term === e.term && outcome !== undefined) w.resolve(outcome);
      else
        w.reject(
          new RheoError('NotLeader', 'the active controller changed; the metadata change was not written'),
        );
    }
    this.maybeCompact();
    this.deps.onApplied?.(this.current);
  }

  /** The command's outcome; undefined for entries that carry none (the leader's empty entry, conf changes). */
  private applyEntry(e: Entry): ApplyOutcome | undefined {
    if (e.type === EntryType.ConfChange) {
      const cc = decodeConfChange(e.data);
      if (cc === null) throw new Error(`metadata entry ${e.index}: a conf-change entry that does not decode`);
      const confState = this.driver.node.applyConfChange(cc);
      void this.log.applyState({ applied: e.index, confState }).catch((err) => this.fail(err));
      return undefined;
    }
    if (e.data.length === 0) return undefined;
    // Already in the state: it came from a snapshot taken after this entry was applied.
    if (e.index <= this.current.appliedIndex) return { ok: true };
    let cmd: MetaCommand;
    try {
      cmd = decodeMetaCommand(e.data);
    } catch (err) {
      // Deterministic on every voter: the entry is refused everywhere alike.
      this.deps.log.error({ err, index: e.index }, 'a metadata entry does not decode; skipped');
      const message = isRheoError(err) ? err.message : String(err);
      return { ok: false, reason: 'Corrupt', message: `metadata entry ${e.index}: ${message}` };
    }
    return this.current.apply(cmd, e.index);
  }

  /** Every compactEvery applied entries: the applied index made durable, then the log cut there. */
  private maybeCompact(): void {
    const applied = this.appliedIndex;
    if (applied - this.compactedAt < this.compactEvery) return;
    this.compactedAt = applied;
    this.log
      .applyState({ applied })
      .then(() => this.log.trimBefore(applied + 1))
      .catch((err: unknown) => {
        if (!this.stopped) this.deps.log.warn({ err, applied }, 'compacting the metadata log failed');
      });
  }

  // ---- Host-facing ----

  /** Starts the tick timer. */
  start(): void {
    if (this.timer !== undefined || this.stopped) return;
    this.timer = setInterval(() => this.driver.tick(), this.deps.options.tickIntervalMs);
  }

  step(m: Message): void {
    if (!this.stopped) this.driver.step(m);
  }

  reportUnreachable(peer: NodeId): void {
    if (!this.stopped) this.driver.node.reportUnreachable(peer);
  }

  /** Stops ticking and the loop (after the Ready in flight); waiting proposals are answered Unavailable. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.rejectWaiting(new RheoError('Unavailable', `node ${this.deps.nodeId} is stopping`));
    await this.driver.stop();
  }

  private fail(err: unknown): void {
    if (this.failure !== undefined || this.stopped) return;
    this.failure = err;
    this.deps.log.error({ err }, 'the metadata replica stopped on a storage or apply error; it needs repair');
    void this.stop();
  }
}
