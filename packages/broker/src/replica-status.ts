// A replica's status for the node heartbeat (proto ReplicaState) and the
// server's views, from one core status call plus the replica's own fields.
// Runs for every replica on every heartbeat: one pass over the members, no
// other work.

import { type NodeId, type RaftStatus, Role } from '@rheo/raft';
import { formatSequenceNumber } from '@rheo/wire';
import type { ShardState } from './shard-state.js';
import type { PeerProgress, ReplicaRole, ReplicaStatus, ShardSpec } from './types.js';

export interface ReplicaLocal {
  readonly nodeId: NodeId;
  /** The role and leader of the last Ready (what produce and reads act on). */
  readonly role: Role;
  readonly leader: NodeId;
  /** The term this replica leads in, else 0. */
  readonly leaderTerm: number;
  readonly appliedIndex: number;
  readonly firstIndex: number;
  readonly serving: boolean;
  readonly inflightBytes: number;
  readonly failed: boolean;
  readonly state: ShardState;
}

export function replicaStatus(spec: ShardSpec, core: RaftStatus, local: ReplicaLocal): ReplicaStatus {
  const cs = core.confState;
  const role: ReplicaRole =
    local.role !== Role.Leader && cs.learners.includes(local.nodeId) ? 'learner' : local.role;
  const peers: PeerProgress[] = [];
  if (core.progress !== undefined) {
    for (const [nodeId, pr] of core.progress) {
      if (nodeId !== local.nodeId)
        peers.push({ nodeId, matchIndex: pr.match, recentActive: pr.recentActive });
    }
    peers.sort((a, b) => a.nodeId - b.nodeId);
  }
  const ending = local.state.closed ? local.state.endingSequence : undefined;
  return {
    groupId: spec.groupId,
    streamName: spec.streamName,
    shardId: spec.shardId,
    role,
    leader: local.leader,
    term: local.leaderTerm > 0 ? local.leaderTerm : core.term,
    commitIndex: core.commit,
    appliedIndex: local.appliedIndex,
    firstIndex: local.firstIndex,
    lastIndex: core.lastIndex,
    confState: cs,
    needsRepair: core.repairing,
    peers,
    leadTransferee: core.leadTransferee,
    serving: local.serving,
    inflightBytes: local.inflightBytes,
    failed: local.failed,
    ...(ending === undefined ? {} : { endingSequenceNumber: formatSequenceNumber(ending) }),
  };
}
