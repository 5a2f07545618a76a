// The Raft state machine of one member: term, vote, role, log, tracker.
// Roles switch by swapping `stepFn` and `tickFn` (as etcd-io/raft does);
// the role-specific rules live in leader.ts, follower.ts and election.ts.
// Nothing here does I/O: outbound messages collect in `msgs`.

import { restore as restoreConfig } from './confchange.js';
import { validateConfig } from './config.js';
import { hup } from './election.js';
import { stepCandidate, stepFollower } from './follower.js';
import { bcastHeartbeat, stepLeader } from './leader.js';
import { RaftLog } from './log.js';
import { type MessageFields, newMessage } from './messages.js';
import type { DropReason } from './node-api.js';
import { Progress } from './progress.js';
import { type ReadIndexRequest, ReadOnly } from './read-only.js';
import { ProgressTracker } from './tracker.js';
import {
  EntryType,
  type Message,
  NONE,
  type NodeId,
  type RaftConfig,
  type RaftLogger,
  type ReadState,
  Role,
} from './types.js';

export type StepFn = (r: Raft, m: Message) => DropReason | null;

const SILENT: RaftLogger = { debug() {}, info() {}, warn() {}, error() {} };

export const DROP_REASONS: readonly DropReason[] = [
  'unknown-member',
  'stale-term',
  'malformed',
  'not-leader',
  'repairing',
  'lease-held',
  'unexpected',
];

export class Raft {
  readonly id: NodeId;
  readonly cfg: RaftConfig;
  readonly log: RaftLog;
  readonly trk: ProgressTracker;
  readonly logger: RaftLogger;
  term = 0;
  vote: NodeId = NONE;
  lead: NodeId = NONE;
  state: Role = Role.Follower;
  isLearner = false;
  /** Outbound messages, taken by the next Ready. */
  msgs: Message[] = [];
  readStates: ReadState[] = [];
  readOnly = new ReadOnly();
  /** Read requests that arrived before the leader committed an entry of its term. Bounded like readOnly. */
  pendingReadIndex: ReadIndexRequest[] = [];
  /** Ticks since the last election timeout (leader/candidate) or since hearing from a leader (follower). */
  electionElapsed = 0;
  heartbeatElapsed = 0;
  /** In [electionTimeout, 2*electionTimeout), drawn from the injected RandomSource at each reset. */
  randomizedElectionTimeout = 0;
  readonly electionTimeout: number;
  readonly heartbeatTimeout: number;
  leadTransferee: NodeId = NONE;
  /** Set when this leader sent TimeoutNow in its term: a transferee may win votes despite leases, so no more lease reads in this term. */
  leaseRevoked = false;
  /** Ticks since becoming leader: the clock that leases are measured in. */
  leaderTick = 0;
  /** Log index of the latest conf change proposed; a new one waits until it is applied. */
  pendingConfIndex = 0;
  /** Bytes of entries appended by this leader and not yet applied. */
  uncommittedBytes = 0;
  /**
   * Storage answered null (not loaded) for the committed entries to apply:
   * not asked again until notifyStorageLoaded. Only applying sets it: a miss
   * for a follower's App must not hold back applying (the leader's answers to
   * its clients), or a follower catching up from disk would stall them all.
   */
  applyWaiting = false;
  /** Proposals were appended and the Apps carrying them not sent yet (sent when the next Ready is built, batched). */
  bcastPending = false;
  /**
   * Ticks since this node last heard from a leader of its term (App,
   * Heartbeat, Snap). Unlike electionElapsed it survives term changes: a
   * follower that acknowledged a leader's heartbeat is part of that leader's
   * lease and must ignore votes for a full election timeout, whatever
   * higher-term message it sees meanwhile. A restart counts as having just
   * heard from a leader (it may have acknowledged one right before).
   */
  sinceLeaderTicks: number;
  /** Damaged log: no votes, no campaigns, no proposals, until it holds an entry of a term > damageTerm. */
  repairing = false;
  damageTerm = 0;
  /** The repair just finished; reported once in Ready.repaired. */
  repairedPending = false;
  stepFn: StepFn = stepFollower;
  tickFn: (r: Raft) => void = tickElection;
  readonly dropped: Record<DropReason, number>;
  elections = 0;
  leaderChanges = 0;

  constructor(cfg: RaftConfig) {
    validateConfig(cfg);
    this.cfg = cfg;
    this.id = cfg.id;
    this.logger = cfg.logger ?? SILENT;
    this.electionTimeout = cfg.electionTick;
    this.heartbeatTimeout = cfg.heartbeatTick;
    this.dropped = Object.fromEntries(DROP_REASONS.map((r) => [r, 0])) as Record<DropReason, number>;
    this.log = new RaftLog(cfg.storage, cfg.maxCommittedSizePerReadyBytes);
    this.trk = new ProgressTracker(cfg.maxInflightMsgs, cfg.maxInflightBytes);
    const { hardState, confState, needsRepair } = cfg.storage.initialState();
    const restored = restoreConfig(this.changerLimits(), confState);
    if (typeof restored === 'string') throw new Error(`RawNode: stored ConfState is invalid: ${restored}`);
    this.trk.setConfig(restored.config, restored.progress);
    this.isLearner = this.trk.progress.get(this.id)?.isLearner ?? false;
    const last = this.log.lastIndex();
    // A commit index past the end of the log means the log lost committed
    // entries (cut at the last good entry after damage): repair from peers.
    const cut = hardState.commit > last;
    this.log.committed = Math.max(this.log.committed, Math.min(hardState.commit, last));
    this.term = hardState.term;
    this.vote = hardState.vote;
    if (cfg.applied > this.log.committed) {
      if (!cut && !needsRepair) {
        throw new Error(
          `RawNode: applied ${cfg.applied} is past the stored commit index ${this.log.committed}`,
        );
      }
      // The state machine is ahead of a cut log: the lost entries come back
      // from the leader, identical (they were committed), and are not re-applied.
      this.log.resetApplied(cfg.applied);
    } else if (cfg.applied > 0) {
      this.log.appliedTo(cfg.applied);
    }
    this.becomeFollower(this.term, NONE);
    this.sinceLeaderTicks = this.term > 0 ? 0 : this.electionTimeout;
    if (needsRepair || cut) {
      this.enterRepair(
        cut
          ? `stored commit ${hardState.commit} is past the last index ${last}`
          : 'storage reported a damaged log',
      );
    }
  }

  changerLimits(): { lastIndex: number; maxInflightMsgs: number; maxInflightBytes: number } {
    return {
      lastIndex: this.log.lastIndex(),
      maxInflightMsgs: this.cfg.maxInflightMsgs,
      maxInflightBytes: this.cfg.maxInflightBytes,
    };
  }

  /** Queues a message from this node; its term is ours unless given (votes, pre-votes). */
  send(f: Omit<MessageFields, 'from'>): void {
    const m = newMessage(f as MessageFields);
    (m as { from: NodeId }).from = this.id;
    if (f.term === undefined) (m as { term: number }).term = this.term;
    this.msgs.push(m);
  }

  drop(reason: DropReason): DropReason {
    this.dropped[reason]++;
    return reason;
  }

  /** May this node campaign? */
  promotable(): boolean {
    const pr = this.trk.progress.get(this.id);
    return pr !== undefined && !pr.isLearner && !this.repairing && !this.log.unstable.snapshot;
  }

  /** Is this node inside a leader's lease (then it ignores vote requests)? A leader always is, with check-quorum. */
  inLease(): boolean {
    if (!this.cfg.checkQuorum) return false;
    return this.state === Role.Leader || this.sinceLeaderTicks < this.electionTimeout;
  }

  /** A leader of our term spoke to us. */
  heardFromLeader(lead: NodeId): void {
    this.electionElapsed = 0;
    this.sinceLeaderTicks = 0;
    this.setLead(lead);
  }

  private reset(term: number): void {
    if (this.term !== term) {
      this.term = term;
      this.vote = NONE;
      this.leaseRevoked = false;
    }
    this.setLead(NONE);
    this.electionElapsed = 0;
    this.heartbeatElapsed = 0;
    this.randomizedElectionTimeout = this.electionTimeout + this.cfg.random.int(this.electionTimeout);
    this.leadTransferee = NONE;
    this.trk.resetVotes();
    const last = this.log.lastIndex();
    for (const [id, pr] of this.trk.progress) {
      const fresh = new Progress(last + 1, this.cfg.maxInflightMsgs, this.cfg.maxInflightBytes, pr.isLearner);
      // The leader counts its own log only once persisted (see Ready's sending rule).
      if (id === this.id) fresh.match = this.log.persistedIndex();
      this.trk.progress.set(id, fresh);
    }
    this.pendingConfIndex = 0;
    this.uncommittedBytes = 0;
    this.bcastPending = false;
    this.readOnly = new ReadOnly();
    this.pendingReadIndex = [];
  }

  setLead(lead: NodeId): void {
    if (lead !== this.lead && lead !== NONE) this.leaderChanges++;
    this.lead = lead;
  }

  becomeFollower(term: number, lead: NodeId): void {
    this.stepFn = stepFollower;
    this.tickFn = tickElection;
    this.reset(term);
    this.setLead(lead);
    this.state = Role.Follower;
  }

  becomePreCandidate(): void {
    if (this.state === Role.Leader) throw new Error('invalid transition leader -> pre-candidate');
    // A pre-candidate does not change its term or vote: it only asks.
    this.stepFn = stepCandidate;
    this.tickFn = tickElection;
    this.trk.resetVotes();
    this.setLead(NONE);
    this.state = Role.PreCandidate;
  }

  becomeCandidate(): void {
    if (this.state === Role.Leader) throw new Error('invalid transition leader -> candidate');
    this.stepFn = stepCandidate;
    this.tickFn = tickElection;
    this.reset(this.term + 1);
    this.vote = this.id;
    this.state = Role.Candidate;
    this.elections++;
  }

  becomeLeader(): void {
    if (this.state === Role.Follower) throw new Error('invalid transition follower -> leader');
    this.stepFn = stepLeader;
    this.tickFn = tickHeartbeat;
    this.reset(this.term);
    this.setLead(this.id);
    this.state = Role.Leader;
    this.leaderTick = 0;
    this.trk.progress.get(this.id)?.becomeReplicate();
    // Conservatively treat any uncommitted tail as holding a conf change.
    this.pendingConfIndex = this.log.lastIndex();
    // The no-op: committing an entry of our own term commits all before it (Raft §5.4.2).
    const index = this.log.lastIndex() + 1;
    this.log.append([{ term: this.term, index, type: EntryType.Normal, data: new Uint8Array(0) }]);
    this.bcastPending = true;
    this.logger.info('became leader', { id: this.id, term: this.term });
  }

  /** Enter the damaged-log repair state (see docs/raft.md, "Repair"). */
  enterRepair(why: string): void {
    if (this.repairing) return;
    this.repairing = true;
    this.damageTerm = this.term;
    this.logger.warn('log damaged; repairing from peers', { id: this.id, term: this.term, why });
    // Move to a new term without voting: the leader of damageTerm may have
    // counted acks for entries we lost, so we wait for an entry of a later
    // term, and our higher term makes such a leader step down.
    this.becomeFollower(this.term + 1, NONE);
  }

  /** Called when the log changed while repairing: done once we hold an entry from a leader of a later term. */
  maybeFinishRepair(): void {
    if (!this.repairing || this.log.lastTerm() <= this.damageTerm) return;
    this.repairing = false;
    this.repairedPending = true;
    this.logger.info('log repaired', { id: this.id, term: this.term, lastIndex: this.log.lastIndex() });
  }

  /** Ask leaders' read requests queued before we committed in our term. */
  queueReadIndex(req: ReadIndexRequest): boolean {
    if (this.pendingReadIndex.length >= 4096) return false;
    this.pendingReadIndex.push(req);
    return true;
  }

  committedInCurrentTerm(): boolean {
    return this.log.term(this.log.committed) === this.term;
  }
}

/** Follower and candidate tick: constant work, a counter and a compare. */
function tickElection(r: Raft): void {
  r.electionElapsed++;
  r.sinceLeaderTicks++;
  if (r.electionElapsed >= r.randomizedElectionTimeout && r.promotable()) {
    r.electionElapsed = 0;
    hup(r, 'timeout');
  }
}

/** Leader tick: heartbeats every heartbeatTimeout, check-quorum every electionTimeout; work proportional to peers. */
function tickHeartbeat(r: Raft): void {
  r.heartbeatElapsed++;
  r.electionElapsed++;
  r.leaderTick++;
  if (r.electionElapsed >= r.electionTimeout) {
    r.electionElapsed = 0;
    if (r.cfg.checkQuorum) {
      if (!r.trk.quorumActive(r.id)) {
        r.logger.warn('stepped down: no quorum active', { id: r.id, term: r.term });
        r.becomeFollower(r.term, NONE);
        return;
      }
      for (const [id, pr] of r.trk.progress) if (id !== r.id) pr.recentActive = false;
    }
    // A transfer that did not finish within an election timeout is abandoned.
    if (r.leadTransferee !== NONE) r.leadTransferee = NONE;
  }
  if (r.heartbeatElapsed >= r.heartbeatTimeout) {
    r.heartbeatElapsed = 0;
    bcastHeartbeat(r, undefined);
  }
}
