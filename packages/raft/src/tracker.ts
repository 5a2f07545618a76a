// The leader's tracker of the group: the active configuration (voters,
// learners, joint state), a Progress per member, and the votes of an
// election, as in etcd-io/raft tracker/tracker.go.

import type { Progress } from './progress.js';
import { jointCommitted, jointVoteResult } from './quorum/joint.js';
import type { VoteResult } from './quorum/majority.js';
import type { ConfState, NodeId } from './types.js';

export interface TrackerConfig {
  /** Voters of the incoming (or only) configuration. */
  readonly incoming: Set<NodeId>;
  /** Voters of the outgoing configuration; non-empty only while joint. */
  readonly outgoing: Set<NodeId>;
  /** Invariant: disjoint from incoming and outgoing. */
  readonly learners: Set<NodeId>;
  /** Outgoing voters that become learners when the joint configuration is left. Invariant: subset of outgoing. */
  readonly learnersNext: Set<NodeId>;
  autoLeave: boolean;
}

export function emptyConfig(): TrackerConfig {
  return {
    incoming: new Set(),
    outgoing: new Set(),
    learners: new Set(),
    learnersNext: new Set(),
    autoLeave: false,
  };
}

export function cloneConfig(c: TrackerConfig): TrackerConfig {
  return {
    incoming: new Set(c.incoming),
    outgoing: new Set(c.outgoing),
    learners: new Set(c.learners),
    learnersNext: new Set(c.learnersNext),
    autoLeave: c.autoLeave,
  };
}

const sorted = (s: ReadonlySet<NodeId>): NodeId[] => [...s].sort((a, b) => a - b);

export function configToConfState(c: TrackerConfig): ConfState {
  return {
    voters: sorted(c.incoming),
    learners: sorted(c.learners),
    votersOutgoing: sorted(c.outgoing),
    learnersNext: sorted(c.learnersNext),
    autoLeave: c.autoLeave,
  };
}

export class ProgressTracker {
  config: TrackerConfig = emptyConfig();
  /** One entry per member (voter of either half, learner, learner-next). */
  progress: Map<NodeId, Progress> = new Map();
  /** Member ids sorted, cached for deterministic iteration; rebuilt on config switch. */
  private ids: NodeId[] = [];
  readonly votes = new Map<NodeId, boolean>();

  constructor(
    readonly maxInflightMsgs: number,
    readonly maxInflightBytes: number,
  ) {}

  setConfig(config: TrackerConfig, progress: Map<NodeId, Progress>): void {
    this.config = config;
    this.progress = progress;
    this.ids = [...progress.keys()].sort((a, b) => a - b);
  }

  /** Members in id order. */
  memberIds(): readonly NodeId[] {
    return this.ids;
  }

  isJoint(): boolean {
    return this.config.outgoing.size > 0;
  }

  isVoter(id: NodeId): boolean {
    return this.config.incoming.has(id) || this.config.outgoing.has(id);
  }

  /** Voters of both halves in id order. */
  voterIds(): NodeId[] {
    const s = new Set<NodeId>(this.config.incoming);
    for (const id of this.config.outgoing) s.add(id);
    return sorted(s);
  }

  /** Only voter in a one-voter, non-joint configuration. */
  isSingleton(): boolean {
    return this.config.incoming.size === 1 && this.config.outgoing.size === 0;
  }

  confState(): ConfState {
    return configToConfState(this.config);
  }

  /** The largest index committed by the joint quorum's match indexes. */
  committed(): number {
    return jointCommitted(this.voters(), (id) => this.progress.get(id)?.match ?? 0);
  }

  /** The latest leader tick acknowledged by a quorum, with `selfTick` for the leader itself. */
  quorumAckTick(selfId: NodeId, selfTick: number): number {
    return jointCommitted(this.voters(), (id) =>
      id === selfId ? selfTick : (this.progress.get(id)?.heartbeatAckTick ?? -1),
    );
  }

  /** Whether a quorum was recently active (the leader counts itself). Allocates nothing: runs on idle leaders. */
  quorumActive(selfId: NodeId): boolean {
    return (
      this.activeMajority(this.config.incoming, selfId) && this.activeMajority(this.config.outgoing, selfId)
    );
  }

  private activeMajority(voters: ReadonlySet<NodeId>, selfId: NodeId): boolean {
    if (voters.size === 0) return true;
    let active = 0;
    for (const id of voters) if (id === selfId || this.progress.get(id)?.recentActive) active++;
    return active * 2 > voters.size;
  }

  /** Whether `ids` include a quorum of the voters. */
  quorumHas(ids: ReadonlySet<NodeId>): boolean {
    const votes = new Map<NodeId, boolean>();
    for (const id of ids) votes.set(id, true);
    return jointVoteResult(this.voters(), votes) === 'won';
  }

  resetVotes(): void {
    this.votes.clear();
  }

  /** Records a vote; only the first vote of each node counts. */
  recordVote(id: NodeId, granted: boolean): void {
    if (!this.votes.has(id)) this.votes.set(id, granted);
  }

  tallyVotes(): { granted: number; rejected: number; result: VoteResult } {
    let granted = 0;
    let rejected = 0;
    for (const [id, v] of this.votes) {
      if (!this.isVoter(id)) continue;
      if (v) granted++;
      else rejected++;
    }
    return { granted, rejected, result: jointVoteResult(this.voters(), this.votes) };
  }

  private voters(): { incoming: ReadonlySet<NodeId>; outgoing: ReadonlySet<NodeId> } {
    return { incoming: this.config.incoming, outgoing: this.config.outgoing };
  }
}
