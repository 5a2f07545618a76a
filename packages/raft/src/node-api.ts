// The public surface of one Raft group member, as the driver (a shard
// replica, the metadata group, or the simulator) sees it. `RawNode` in
// raw-node.ts implements it.

import type { ConfState, Message, NodeId, Ready, Role } from './types.js';

export const ConfChangeType = {
  AddVoter: 'add-voter',
  RemoveVoter: 'remove-voter',
  AddLearner: 'add-learner',
} as const;
export type ConfChangeType = (typeof ConfChangeType)[keyof typeof ConfChangeType];

export interface ConfChangeSingle {
  readonly type: ConfChangeType;
  readonly nodeId: NodeId;
}

/**
 * A membership change. One change with transition 'auto' is a simple change
 * (one voter at a time). Several changes, or transition 'explicit', enter a
 * joint configuration; 'auto' leaves it by itself once it commits, 'explicit'
 * waits for an empty ConfChange (changes: []) that leaves it.
 */
export interface ConfChange {
  readonly changes: readonly ConfChangeSingle[];
  readonly transition: 'auto' | 'explicit';
}

export type ProposalRefusal =
  /** Not the leader; `leader` is the known leader or NONE. */
  | 'not-leader'
  /** A leadership transfer is under way; retry on the new leader. */
  | 'transfer-in-progress'
  /** Uncommitted bytes on the leader passed maxUncommittedEntriesBytes: back off. */
  | 'uncommitted-bytes-max'
  /** A conf change is already pending (not yet applied), or the change is invalid. */
  | 'conf-change-refused'
  /** The node is repairing its damaged log. */
  | 'repairing';

export type ProposeResult =
  /** Appended to the leader's log at [firstIndex, lastIndex] in `term`; committed when an entry with that index and term is committed. */
  | { readonly ok: true; readonly firstIndex: number; readonly lastIndex: number; readonly term: number }
  | {
      readonly ok: false;
      readonly reason: ProposalRefusal;
      readonly leader: NodeId;
      readonly detail?: string;
    };

/** Why a message given to `step` was dropped; counted in `RaftStats.dropped`. */
export type DropReason =
  | 'unknown-member'
  | 'stale-term'
  | 'malformed'
  | 'not-leader'
  | 'repairing'
  | 'lease-held'
  | 'unexpected';

export interface FollowerProgress {
  readonly match: number;
  readonly next: number;
  readonly state: 'probe' | 'replicate' | 'snapshot';
  readonly recentActive: boolean;
  readonly inflightMsgs: number;
  readonly isLearner: boolean;
}

export interface RaftStatus {
  readonly id: NodeId;
  readonly term: number;
  readonly vote: NodeId;
  readonly commit: number;
  readonly applied: number;
  readonly role: Role;
  readonly leader: NodeId;
  readonly lastIndex: number;
  readonly firstIndex: number;
  readonly confState: ConfState;
  readonly leadTransferee: NodeId;
  readonly repairing: boolean;
  /** Only on the leader. */
  readonly progress?: ReadonlyMap<NodeId, FollowerProgress>;
}

export interface RaftStats {
  readonly dropped: Readonly<Record<DropReason, number>>;
  readonly elections: number;
  readonly leaderChanges: number;
}

export interface RaftNodeApi {
  /**
   * Advance logical time by one tick. The driver ticks once for every tick
   * interval (e.g. 100 ms) that has elapsed on a MONOTONIC clock, catching up
   * after any stall of its event loop or process (at least electionTick ticks'
   * worth), and catches up before it trusts leaseReadIndex(): a leader whose
   * driver lost ticks would hold its lease longer than its followers wait,
   * and serve stale reads (the simulator shows it: --bug no-clock-catch-up).
   */
  tick(): void;
  /** Feed a message received from a peer. Never throws on bad input: drops and counts it. */
  step(m: Message): DropReason | null;
  /** Propose one entry of application data (on the leader). */
  propose(data: Uint8Array): ProposeResult;
  /** Propose several entries at once, appended contiguously (on the leader). */
  proposeBatch(data: readonly Uint8Array[]): ProposeResult;
  /** Propose a membership change (on the leader); at most one pending at a time. */
  proposeConfChange(cc: ConfChange): ProposeResult;
  /** Apply a committed conf-change entry; the driver calls it when it applies that entry and persists the result. */
  applyConfChange(cc: ConfChange): ConfState;
  /** Start an election now (pre-vote first when enabled). */
  campaign(): void;
  /** Ask the leader to hand leadership to `to` (a caught-up voter). */
  transferLeadership(to: NodeId): void;
  /** Request a linearizable read; a ReadState with this ctx appears in a later Ready. */
  readIndex(ctx: Uint8Array): void;
  /**
   * With ReadOnlyOption.LeaseBased and checkQuorum: the commit index that a
   * read may be served at without a round trip, or null when the lease is not
   * held (then use readIndex). The leader must also have committed an entry of
   * its own term; null until it has.
   */
  leaseReadIndex(): number | null;
  hasReady(): boolean;
  ready(): Ready;
  advance(rd: Ready): void;
  /** The transport could not reach a peer (the leader probes it again later). */
  reportUnreachable(id: NodeId): void;
  /** Outcome of sending a snapshot to a peer. */
  reportSnapshot(id: NodeId, ok: boolean): void;
  /** Storage finished loading entries it answered `null` for; the core retries. */
  notifyStorageLoaded(): void;
  /** The driver found this node's log damaged at run time: stop voting and leading until repaired. */
  markDamaged(): void;
  /** Index of the last entry, persisted or not; the next proposal gets lastIndex() + 1. Constant time. */
  lastIndex(): number;
  /** The highest index known committed. Constant time. */
  commitIndex(): number;
  status(): RaftStatus;
  stats(): RaftStats;
}
