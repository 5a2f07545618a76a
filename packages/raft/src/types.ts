// The data types of the Raft core and the contract between the core and the
// code that drives it. This file is the interface that `storage` and
// `server` implement against; change it with care.
//
// The core is a pure state machine (see raw-node.ts): it takes messages,
// ticks and proposals, and hands back a Ready bundle. It does no I/O, reads
// no clock, and draws randomness only from the injected `RandomSource`.

/** A member of a Raft group. Cluster node ids are small positive integers; 0 means "none". */
export type NodeId = number;
export const NONE: NodeId = 0;

export const EntryType = {
  /** Application data; an entry with empty data is the leader's no-op. */
  Normal: 0,
  /** A membership change (data is an encoded ConfChange, see conf-change.ts). */
  ConfChange: 1,
} as const;
export type EntryType = (typeof EntryType)[keyof typeof EntryType];

export interface Entry {
  readonly term: number;
  readonly index: number;
  readonly type: EntryType;
  /** Opaque to the core. For a shard this is one stored record batch. */
  readonly data: Uint8Array;
}

/** What must be on disk before a node answers anything (votes, append acks). */
export interface HardState {
  readonly term: number;
  readonly vote: NodeId;
  readonly commit: number;
}

/**
 * The membership of a group. During a joint change (joint consensus) both
 * `voters` (incoming) and `votersOutgoing` are non-empty and a decision needs
 * a majority of each.
 */
export interface ConfState {
  readonly voters: readonly NodeId[];
  readonly learners: readonly NodeId[];
  /** Voters of the outgoing configuration during a joint change; empty otherwise. */
  readonly votersOutgoing: readonly NodeId[];
  /** Voters that become learners when the joint configuration is left. */
  readonly learnersNext: readonly NodeId[];
  /** Leave the joint configuration automatically once it commits. */
  readonly autoLeave: boolean;
}

export interface SnapshotMetadata {
  /** The last log index the snapshot covers (the compaction point). */
  readonly index: number;
  readonly term: number;
  readonly confState: ConfState;
}

/**
 * A snapshot. Its data is the application's: for a shard it is the shard's
 * small state (sequence-number base, producer dedup table); the retained log
 * entries after `metadata.index` then reach the follower as normal appends.
 */
export interface Snapshot {
  readonly metadata: SnapshotMetadata;
  readonly data: Uint8Array;
}

export const MessageType = {
  /** Local: election timeout elapsed (also used by tests to force a campaign). */
  Hup: 0,
  /** Local: leader sends heartbeats (internal to the core). */
  Beat: 1,
  /** Local: a proposal (internal; use RawNode.propose). */
  Prop: 2,
  App: 3,
  AppResp: 4,
  Vote: 5,
  VoteResp: 6,
  PreVote: 7,
  PreVoteResp: 8,
  Snap: 9,
  Heartbeat: 10,
  HeartbeatResp: 11,
  /** Local to the leader, or forwarded by a follower: transfer leadership to `from`. */
  TransferLeader: 12,
  /** Leader → transferee: campaign now, ignoring the election timer. */
  TimeoutNow: 13,
  ReadIndex: 14,
  ReadIndexResp: 15,
  /** Local: report that sending to a peer failed. */
  Unreachable: 16,
  /** Local: report the outcome of sending a snapshot. */
  SnapStatus: 17,
  /** Local: check quorum (internal). */
  CheckQuorum: 18,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** Messages that travel between nodes; the rest are local to one node. */
export const NETWORK_MESSAGE_TYPES: ReadonlySet<MessageType> = new Set([
  MessageType.App,
  MessageType.AppResp,
  MessageType.Vote,
  MessageType.VoteResp,
  MessageType.PreVote,
  MessageType.PreVoteResp,
  MessageType.Snap,
  MessageType.Heartbeat,
  MessageType.HeartbeatResp,
  MessageType.TransferLeader,
  MessageType.TimeoutNow,
  MessageType.ReadIndex,
  MessageType.ReadIndexResp,
]);

/**
 * One Raft message. A single flat shape (as etcd's raftpb.Message) so the
 * transport encodes every message the same way; unused fields are 0 / empty.
 */
export interface Message {
  readonly type: MessageType;
  readonly to: NodeId;
  readonly from: NodeId;
  readonly term: number;
  /** App: term of the entry at `index`. Vote/PreVote: term of the candidate's last entry. */
  readonly logTerm: number;
  /**
   * App: index preceding `entries`. Vote/PreVote: candidate's last index.
   * AppResp: highest index matched or rejected. ReadIndexResp: the read index.
   * Heartbeat: the leader's heartbeat round (a leader-local tick count), which
   * HeartbeatResp echoes; leader leases are measured from it, so a transport
   * that coalesces heartbeats must keep each group's `index` and `context`.
   */
  readonly index: number;
  readonly entries: readonly Entry[];
  readonly commit: number;
  readonly reject: boolean;
  /** AppResp with reject: the follower's hint for where to probe next (its last index, or a conflict point). */
  readonly rejectHint: number;
  /** AppResp with reject: the term of the follower's entry at `rejectHint`, for fast back-off. */
  readonly rejectHintTerm: number;
  /** Opaque context: read-index request ids, campaign kind for transfers. */
  readonly context: Uint8Array;
  readonly snapshot?: Snapshot;
}

export const Role = {
  Follower: 'follower',
  PreCandidate: 'pre-candidate',
  Candidate: 'candidate',
  Leader: 'leader',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/** Volatile state that the application may want to observe (not persisted). */
export interface SoftState {
  readonly leader: NodeId;
  readonly role: Role;
}

/** A linearizable read is safe at `index` once the node has applied up to it. */
export interface ReadState {
  readonly index: number;
  /** The request context given to `readIndex`, returned as is. */
  readonly requestCtx: Uint8Array;
}

/**
 * Everything the driver must do next, in this order:
 *   1. persist `snapshot` (if any), then `entries` (replacing any stored
 *      entries from `entries[0].index` on), then `hardState` (if any),
 *      synced to disk when `mustSync`;
 *   2. send `messages` — see the rule below;
 *   3. apply `snapshot` then `committedEntries` to the state machine;
 *   4. call `RawNode.advance(ready)`.
 *
 * Sending rule: messages of type App, Heartbeat and Snap sent by a leader
 * (`from` === the node's id, role leader) MAY be sent before step 1 finishes,
 * because the leader counts its own log in a commit only after `advance`.
 * Every other message (votes, append responses, ...) MUST wait for step 1:
 * acknowledging data that is not yet on disk breaks safety.
 *
 * Applying rule: the committed entries whose index is below `entries[0]`
 * (all of them when `entries` is empty and there is no snapshot) were
 * persisted by earlier Readies and, being committed, are never replaced, so
 * they MAY be applied while step 1 is under way. The rest wait for it.
 *
 * Several Readies in flight (`RaftConfig.maxReadiesInFlight` > 1): the
 * driver may take the next Ready before advancing the last, so a new
 * Ready's writes and a leader's appends need not wait for the write in
 * flight. Each Ready carries only what earlier ones did not (entries not yet
 * handed out, committed entries after those handed out). Then:
 *   - writes become durable in the order the Readies were handed out (one
 *     FIFO writer), and a Ready that writes nothing counts as durable when
 *     the one before it is;
 *   - step 2's late messages wait until the Ready and every earlier one are
 *     durable;
 *   - committed entries are applied in order, each once every Ready up to
 *     the one that handed it out for writing is durable;
 *   - advance() is called in the order the Readies were handed out.
 * A Ready carrying a snapshot is handed out alone: none is outstanding
 * before it, and none follows until it is advanced.
 */
export interface Ready {
  readonly softState?: SoftState;
  readonly hardState?: HardState;
  readonly entries: readonly Entry[];
  readonly snapshot?: Snapshot;
  readonly committedEntries: readonly Entry[];
  readonly messages: readonly Message[];
  readonly readStates: readonly ReadState[];
  /** True when entries or the hard state's term/vote changed: the write must be synced. */
  readonly mustSync: boolean;
  /** Set once when a node that started with `needsRepair` has caught up: persist the cleared flag with this Ready. */
  readonly repaired?: boolean;
}

/**
 * The log as the core reads it. The storage package implements it over
 * LevelDB; `MemoryStorage` implements it for tests.
 *
 * All calls are synchronous: the core is a pure function of its inputs. A
 * storage whose entries live on disk keeps term lookups in memory (terms
 * change rarely: a list of (first index, term) runs) and may answer
 * `entries` with `null` when the range is not in its cache. It then loads the
 * range in the background and the driver calls `RawNode.notifyStorageLoaded()`;
 * the core retries (it also retries on the next heartbeat response).
 */
export interface RaftStorage {
  /**
   * The persisted hard state and membership at start-up. `needsRepair` is
   * true when the storage found its log damaged (bad checksum, truncation)
   * and cut it at the last good entry, or when an earlier repair had not
   * finished: the node then neither votes nor campaigns until it has caught
   * up with a leader's commit index (see `Ready.repaired`).
   */
  initialState(): { hardState: HardState; confState: ConfState; needsRepair?: boolean };
  /**
   * Entries in [lo, hi), at least one if any exist in range, stopping before
   * the total data size would pass `maxBytes`. `null` means "not loaded yet";
   * once the storage has said it loaded, the core's next ask from that `lo`
   * must be served (a load dropped before it is read makes the core miss and
   * load forever). Throws `LogCompactedError` when lo < firstIndex(),
   * `LogUnavailableError` when hi > lastIndex() + 1.
   */
  entries(lo: number, hi: number, maxBytes: number): readonly Entry[] | null;
  /** Term of the entry at i, for firstIndex()-1 <= i <= lastIndex(). Throws LogCompactedError below. */
  term(i: number): number;
  /** Index of the first retained entry (the compaction point + 1). */
  firstIndex(): number;
  /** Index of the last entry; firstIndex() - 1 when the log is empty. */
  lastIndex(): number;
  /** The most recent snapshot (the compaction point and the application's state). */
  snapshot(): Snapshot;
}

/** Seeded randomness, injected so that a simulation replays from its seed. */
export interface RandomSource {
  /** A uniformly distributed integer in [0, n). */
  int(n: number): number;
}

/** Structured logging, injected; the core logs only on rare events (elections, conf changes, faults). */
export interface RaftLogger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export const ReadOnlyOption = {
  /** Read index: the leader confirms its leadership with a heartbeat round. */
  Safe: 'safe',
  /** Lease: the leader answers locally while its lease (shorter than the election timeout) holds. */
  LeaseBased: 'lease',
} as const;
export type ReadOnlyOption = (typeof ReadOnlyOption)[keyof typeof ReadOnlyOption];

export interface RaftConfig {
  readonly id: NodeId;
  /** Ticks without hearing from a leader before a follower campaigns; randomized in [electionTick, 2*electionTick). */
  readonly electionTick: number;
  /** Ticks between leader heartbeats; must be well under electionTick. */
  readonly heartbeatTick: number;
  readonly storage: RaftStorage;
  /** The last index the application has applied (on restart). */
  readonly applied: number;
  /** Byte bound on the entries of one App message. */
  readonly maxSizePerMsgBytes: number;
  /** Bound on in-flight App messages per follower in the replicate state. */
  readonly maxInflightMsgs: number;
  /** Bound on in-flight App bytes per follower (0 = no byte bound). */
  readonly maxInflightBytes: number;
  /** Bound on the bytes of proposed but uncommitted entries on a leader (0 = none); proposals past it are refused. */
  readonly maxUncommittedEntriesBytes: number;
  /** Byte bound on committedEntries in one Ready (0 = none). */
  readonly maxCommittedSizePerReadyBytes: number;
  readonly checkQuorum: boolean;
  readonly preVote: boolean;
  readonly readOnlyOption: ReadOnlyOption;
  /**
   * Ticks subtracted from the election timeout to bound a leader's lease, to
   * absorb clock-rate differences between nodes. The lease is only valid with
   * checkQuorum on.
   */
  readonly leaseSafetyMarginTicks: number;
  /**
   * Readies the driver may hold at once (handed out by ready(), not yet
   * advanced); default 1. See `Ready` for what a driver that holds several
   * must keep in order.
   */
  readonly maxReadiesInFlight?: number;
  /**
   * When the leader's commit index moves, send no App just to tell the
   * followers (default false: every follower gets one at once, empty if it has
   * all the entries). With it on, a follower learns the commit with the next
   * App that carries entries, or with the next heartbeat: at most heartbeatTick
   * ticks later. At a steady trickle of proposals this halves the messages a
   * group sends (each App's answer included); only a follower's own view of
   * the commit (its apply, its follower reads) can lag, never the leader's.
   */
  readonly lazyCommitSpread?: boolean;
  readonly random: RandomSource;
  readonly logger?: RaftLogger;
}
