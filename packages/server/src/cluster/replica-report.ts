// What a node heartbeat says about its replicas: each replica's status as a
// proto ReplicaState (role, term, leader, indexes, membership, and on a
// leader its peers' progress), and each led shard's traffic since the last
// heartbeat that reached the controller (ShardTraffic, from the replica's
// counters). Pure mapping, no I/O: it runs for every replica on every
// heartbeat.
import type { ReplicaRole, ReplicaStatus, ShardReplica } from '@rheo/broker';
import type { ConfState } from '@rheo/raft';
import type { pb } from '@rheo/wire';

const roleOf: Readonly<Record<ReplicaRole, pb.ReplicaRole>> = {
  follower: 'REPLICA_ROLE_FOLLOWER',
  'pre-candidate': 'REPLICA_ROLE_PRE_CANDIDATE',
  candidate: 'REPLICA_ROLE_CANDIDATE',
  leader: 'REPLICA_ROLE_LEADER',
  learner: 'REPLICA_ROLE_LEARNER',
};

/** The proto role of a replica role ('learner' included). */
export function replicaRole(role: ReplicaRole): pb.ReplicaRole {
  return roleOf[role] ?? 'REPLICA_ROLE_UNSPECIFIED';
}

export function confStateMessage(cs: ConfState): pb.RaftConfState {
  return {
    voters: [...cs.voters],
    learners: [...cs.learners],
    votersOutgoing: [...cs.votersOutgoing],
    learnersNext: [...cs.learnersNext],
    autoLeave: cs.autoLeave,
  };
}

/** One replica's ReplicaState. Peers' progress is the leader's only (empty elsewhere, as status() gives it). */
export function replicaState(s: ReplicaStatus): pb.ReplicaState {
  return {
    groupId: s.groupId,
    streamName: s.streamName,
    shardId: s.shardId,
    role: replicaRole(s.role),
    term: s.term,
    leaderNodeId: s.leader,
    commitIndex: s.commitIndex,
    appliedIndex: s.appliedIndex,
    firstIndex: s.firstIndex,
    lastIndex: s.lastIndex,
    confState: confStateMessage(s.confState),
    needsRepair: s.needsRepair,
    peers: s.peers.map((p) => ({
      nodeId: p.nodeId,
      matchIndex: p.matchIndex,
      recentActive: p.recentActive,
    })),
    endingSequenceNumber: s.endingSequenceNumber ?? '',
  };
}

/** The counters a traffic report reads (ShardReplica.counters); each only grows, but the age. */
export interface TrafficCounters {
  readonly incomingBytes: number;
  readonly incomingRecords: number;
  readonly outgoingBytes: number;
  readonly reads: number;
  /** How far the last reader was behind the newest record, ms. */
  readonly iteratorAgeMs: number;
  /** Write batches and GetRecords calls refused for the shard's throughput limits. */
  readonly writeThrottled: number;
  readonly readThrottled: number;
  /** Where the recent write traffic splits in half (the autoscaler's split point), when sampled. */
  readonly writeKeys?: { splitKey(): bigint | undefined };
}

interface Baseline {
  readonly atMs: number;
  readonly incomingBytes: number;
  readonly incomingRecords: number;
  readonly outgoingBytes: number;
  readonly reads: number;
  readonly writeThrottled: number;
  readonly readThrottled: number;
}

/** A traffic report and the baselines to keep once the heartbeat carrying it was answered. */
export interface TrafficSample {
  readonly traffic: pb.ShardTraffic[];
  readonly baselines: ReadonlyMap<number, Baseline>;
}

/**
 * Each led shard's traffic since the last heartbeat the controller
 * received. The counters only grow; a report is the difference from the
 * baseline, and the baseline moves only once a heartbeat was answered, so a
 * lost heartbeat's traffic is reported with the next one. A replica seen for
 * the first time reports nothing (its baseline is taken then).
 */
export class TrafficMeter {
  private baselines = new Map<number, Baseline>();

  sample(
    replicas: Iterable<{
      readonly groupId: number;
      readonly leader: boolean;
      readonly counters: TrafficCounters;
    }>,
    nowMs: number,
  ): TrafficSample {
    const traffic: pb.ShardTraffic[] = [];
    const next = new Map<number, Baseline>();
    for (const r of replicas) {
      const c = r.counters;
      const now: Baseline = {
        atMs: nowMs,
        incomingBytes: c.incomingBytes,
        incomingRecords: c.incomingRecords,
        outgoingBytes: c.outgoingBytes,
        reads: c.reads,
        writeThrottled: c.writeThrottled,
        readThrottled: c.readThrottled,
      };
      next.set(r.groupId, now);
      const was = this.baselines.get(r.groupId);
      if (was === undefined || !r.leader) continue;
      traffic.push({
        groupId: r.groupId,
        intervalMs: Math.max(0, Math.round(nowMs - was.atMs)),
        writeBytes: Math.max(0, now.incomingBytes - was.incomingBytes),
        writeRecords: Math.max(0, now.incomingRecords - was.incomingRecords),
        readBytes: Math.max(0, now.outgoingBytes - was.outgoingBytes),
        readCalls: Math.max(0, now.reads - was.reads),
        writeThrottled: Math.max(0, now.writeThrottled - was.writeThrottled),
        readThrottled: Math.max(0, now.readThrottled - was.readThrottled),
        // The counters keep the last read's age, not a maximum: the best this replica can tell.
        iteratorAgeMsMax: c.iteratorAgeMs,
        ...splitKeyOf(c),
      });
    }
    return { traffic, baselines: next };
  }

  /** The heartbeat carrying `sample` was answered: later reports count from it. */
  commit(sample: TrafficSample): void {
    this.baselines = new Map(sample.baselines);
  }
}

/** The input of TrafficMeter.sample for a host's replicas. */
export function trafficInputs(replicas: Iterable<ShardReplica>) {
  const out: Array<{ groupId: number; leader: boolean; counters: TrafficCounters }> = [];
  for (const r of replicas) out.push({ groupId: r.spec.groupId, leader: r.isLeader, counters: r.counters });
  return out;
}

/** The counters' traffic split key, when they sample one (a field left out otherwise). */
function splitKeyOf(c: TrafficCounters): { writeSplitHashKey?: string } {
  const key = c.writeKeys?.splitKey();
  return key === undefined ? {} : { writeSplitHashKey: key.toString() };
}
