// The observed side of the cluster, indexed once per decision: which node
// leads each group (the highest-term replica reporting itself leader) and
// which nodes host a replica of it. Reports of DEAD nodes are left out: they
// describe a process the controller has given up on.
import type { MetaState } from './meta-state.js';
import type { Heartbeat, ReplicaReport } from './observations.js';

/** The metadata group's id: its replicas are not shards and are never reconciled here. */
export const metaGroupId = 1;

export interface ObservedLeader {
  readonly nodeId: number;
  readonly replica: ReplicaReport;
}

export class ClusterView {
  readonly #leaders = new Map<number, ObservedLeader>();
  readonly #hosts = new Map<number, Set<number>>();
  /** Nodes whose last report counts (not DEAD, reported since the takeover). */
  readonly reporting: ReadonlySet<number>;

  constructor(state: MetaState, reports: ReadonlyMap<number, Heartbeat>) {
    const reporting = new Set<number>();
    for (const [nodeId, hb] of reports) {
      const node = state.node(nodeId);
      if (node === undefined || node.state === 'DEAD') continue;
      reporting.add(nodeId);
      for (const r of hb.replicas) {
        if (r.groupId === metaGroupId) continue;
        const hosts = this.#hosts.get(r.groupId) ?? new Set<number>();
        this.#hosts.set(r.groupId, hosts);
        hosts.add(nodeId);
        if (r.role !== 'REPLICA_ROLE_LEADER') continue;
        const old = this.#leaders.get(r.groupId);
        if (old === undefined || r.term > old.replica.term)
          this.#leaders.set(r.groupId, { nodeId, replica: r });
      }
    }
    this.reporting = reporting;
  }

  leaderOf(groupId: number): ObservedLeader | undefined {
    return this.#leaders.get(groupId);
  }

  leaders(): ReadonlyMap<number, ObservedLeader> {
    return this.#leaders;
  }

  /** Nodes reporting a replica of the group. */
  hostsOf(groupId: number): ReadonlySet<number> {
    return this.#hosts.get(groupId) ?? new Set();
  }

  /** Leaderships per node among `nodeIds` (zero included), over the groups of `groupIds`. */
  leaderCounts(nodeIds: readonly number[], isShardGroup: (groupId: number) => boolean): Map<number, number> {
    const counts = new Map<number, number>(nodeIds.map((id) => [id, 0]));
    for (const [groupId, l] of this.#leaders) {
      if (isShardGroup(groupId) && counts.has(l.nodeId)) counts.set(l.nodeId, counts.get(l.nodeId)! + 1);
    }
    return counts;
  }
}

/** Every member a replica's membership names: voters, outgoing voters, learners and learners-to-be. */
export function confMembers(r: ReplicaReport): Set<number> {
  const c = r.confState;
  if (c === null) return new Set();
  return new Set([...c.voters, ...c.votersOutgoing, ...c.learners, ...c.learnersNext]);
}

/** True when the membership is exactly `voters`: no learners, not joint. */
export function confIsExactly(r: ReplicaReport, voters: readonly number[]): boolean {
  const c = r.confState;
  if (c === null) return false;
  if (c.learners.length > 0 || c.votersOutgoing.length > 0 || c.learnersNext.length > 0) return false;
  const have = [...new Set(c.voters)].sort((a, b) => a - b);
  return have.length === voters.length && have.every((v, i) => v === voters[i]);
}

/** True when the leader's report shows `nodeId` within `entries` of its last index. */
export function caughtUp(leader: ObservedLeader, nodeId: number, entries: number): boolean {
  if (nodeId === leader.nodeId) return true;
  const peer = leader.replica.peers.find((p) => p.nodeId === nodeId);
  return peer !== undefined && leader.replica.lastIndex - peer.matchIndex <= entries;
}
