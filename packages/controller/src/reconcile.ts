// Level-triggered reconciliation (docs/cluster.md "Desired state"): from the
// desired state in the metadata and what one node last reported, the
// commands that move that node toward it. Pure; the same inputs give the
// same commands, and the controller repeats them until the reports show them
// done, so a lost answer or a restarted node converges anyway.
import { formatHashKey, type pb } from '@rheo/wire';
import { type ClusterView, confIsExactly, confMembers, metaGroupId } from './cluster-view.js';
import type { MetaState } from './meta-state.js';
import type { Heartbeat } from './observations.js';
import { closingGroupIds } from './reshard-lineage.js';
import { closeShardCommand } from './reshard-reconcile.js';
import type { ShardRecord } from './types.js';

/** A command before the controller gives it an id; `key` names it for that purpose. */
export interface PlannedCommand {
  readonly key: string;
  readonly command: Omit<pb.ReplicaCommand, 'commandId'>;
}

/** A leadership move the balancer decided, sent to `fromNodeId` while it still leads the group. */
export interface LeaderTransfer {
  readonly groupId: number;
  readonly fromNodeId: number;
  readonly toNodeId: number;
}

export function reconcileNode(
  nodeId: number,
  hb: Heartbeat,
  state: MetaState,
  view: ClusterView,
  transfers: readonly LeaderTransfer[],
): PlannedCommand[] {
  const out: PlannedCommand[] = [];
  const reported = new Map(hb.replicas.map((r) => [r.groupId, r]));
  const closing = closingGroupIds(state);
  for (const shard of state.allShards()) {
    if (!shard.replicas.includes(nodeId) || reported.has(shard.groupId)) continue;
    if (state.stream(shard.streamName)?.status === 'DELETING') continue;
    out.push(createReplica(nodeId, shard));
  }
  for (const r of hb.replicas) {
    if (r.groupId === metaGroupId) continue;
    const shard = state.shardByGroup(r.groupId);
    if (shard === undefined) {
      // A group above every id the metadata has allocated is one this state has not applied yet
      // (a new active controller catching up): never delete what may be a new shard.
      if (r.groupId < state.nextGroupId) out.push(deleteReplica(r.groupId, r.streamName, r.shardId));
      continue;
    }
    if (state.stream(shard.streamName)?.status === 'DELETING') {
      out.push(deleteReplica(shard.groupId, shard.streamName, shard.shardId));
      continue;
    }
    const leader = view.leaderOf(shard.groupId);
    if (leader?.nodeId === nodeId) {
      // The leader steps the membership, also out of a set that no longer has it (it hands over first).
      if (!confIsExactly(leader.replica, shard.replicas))
        out.push(changeMembership(shard, leader.replica.term));
      // Until its report carries the ending sequence number (docs/resharding.md).
      if (closing.has(shard.groupId) && r.endingSequenceNumber === '') out.push(closeShardCommand(shard));
    } else if (
      !shard.replicas.includes(nodeId) &&
      leader !== undefined &&
      !confMembers(leader.replica).has(nodeId)
    ) {
      // Only once the leader's membership has let it go: deleting a member still counted in a
      // quorum would cost the group a vote it relies on.
      out.push(deleteReplica(shard.groupId, shard.streamName, shard.shardId));
    }
  }
  for (const t of transfers) {
    if (t.fromNodeId === nodeId && view.leaderOf(t.groupId)?.nodeId === nodeId) out.push(transferLeader(t));
  }
  return out;
}

function createReplica(nodeId: number, shard: ShardRecord): PlannedCommand {
  // A founder bootstraps the group with the founding voters; a replacement starts empty and is
  // added by the leader as a learner, so it never campaigns with a membership it was not given.
  const voters = shard.founders.includes(nodeId) ? [...shard.founders] : [];
  return {
    key: `create/${shard.groupId}/${voters.join(',')}`,
    command: {
      kind: 'REPLICA_COMMAND_KIND_CREATE_REPLICA',
      groupId: shard.groupId,
      streamName: shard.streamName,
      shardId: shard.shardId,
      hashKeyRange: {
        startingHashKey: formatHashKey(shard.hashRange.start),
        endingHashKey: formatHashKey(shard.hashRange.end),
      },
      startingSequenceNumber: shard.sequenceBase.toString(),
      confState: { voters, learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false },
    },
  };
}

function deleteReplica(groupId: number, streamName: string, shardId: string): PlannedCommand {
  return {
    key: `delete/${groupId}`,
    command: { kind: 'REPLICA_COMMAND_KIND_DELETE_REPLICA', groupId, streamName, shardId },
  };
}

function changeMembership(shard: ShardRecord, term: number): PlannedCommand {
  return {
    key: `membership/${shard.groupId}/${term}/${shard.replicas.join(',')}`,
    command: {
      kind: 'REPLICA_COMMAND_KIND_CHANGE_MEMBERSHIP',
      groupId: shard.groupId,
      streamName: shard.streamName,
      shardId: shard.shardId,
      confState: {
        voters: [...shard.replicas],
        learners: [],
        votersOutgoing: [],
        learnersNext: [],
        autoLeave: true,
      },
    },
  };
}

function transferLeader(t: LeaderTransfer): PlannedCommand {
  return {
    key: `transfer/${t.groupId}/${t.toNodeId}`,
    command: { kind: 'REPLICA_COMMAND_KIND_TRANSFER_LEADER', groupId: t.groupId, targetNodeId: t.toNodeId },
  };
}
