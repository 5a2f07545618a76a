// Leadership moves: a draining node's leaderships go to caught-up voters on
// live brokers (the least busy first), and balancing moves one leadership
// from a node leading two more than some voter of its groups, never to a
// voter that lags, never for a group with a move in flight.
import type { pb } from '@rheo/wire';
import { describe, expect, it } from 'vitest';
import { balanceTransfer, drainTransfers } from '../src/balance.js';
import { ClusterView } from '../src/cluster-view.js';
import type { MetaState } from '../src/index.js';
import { applyNext, createCmd, registerCmd, stateOf } from './fixtures.js';

/** Reports in which `leaders[i]` leads group i+2 with voters `sets[i]`, peers matched up to `match`. */
function reportsFor(sets: number[][], leaders: number[], match = (_node: number) => 100) {
  const byNode = new Map<number, pb.ReplicaState__Output[]>();
  sets.forEach((voters, i) => {
    for (const n of voters) {
      const leading = leaders[i] === n;
      const list = byNode.get(n) ?? [];
      list.push({
        groupId: i + 2,
        streamName: 's',
        shardId: '',
        role: leading ? 'REPLICA_ROLE_LEADER' : 'REPLICA_ROLE_FOLLOWER',
        term: 1,
        leaderNodeId: leaders[i]!,
        commitIndex: 100,
        appliedIndex: 100,
        firstIndex: 1,
        lastIndex: 100,
        confState: { voters, learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false },
        needsRepair: false,
        peers: leading
          ? voters
              .filter((v) => v !== n)
              .map((v) => ({ nodeId: v, matchIndex: match(v), recentActive: true }))
          : [],
        logBytes: 0,
        endingSequenceNumber: '',
      });
      byNode.set(n, list);
    }
  });
  const reports = new Map<number, pb.NodeHeartbeat__Output>();
  for (const [nodeId, replicas] of byNode) {
    reports.set(nodeId, {
      clusterId: 'test-cluster',
      nodeId,
      incarnation: '',
      sentAtMs: 0,
      replicas,
      traffic: [],
      inflightBytes: 0,
      diskFreeBytes: 0,
      completedCommandIds: [],
    });
  }
  return reports;
}

function input(
  state: MetaState,
  sets: number[][],
  leaders: number[],
  match?: (n: number) => number,
  busy: number[] = [],
) {
  return {
    state,
    view: new ClusterView(state, reportsFor(sets, leaders, match)),
    catchUpEntries: 10,
    busyGroups: new Set(busy),
  };
}

const sets = [
  [1, 2, 3],
  [1, 2, 3],
  [1, 2, 3],
  [1, 2, 3],
];
const state = () => stateOf([registerCmd(1), registerCmd(2), registerCmd(3), createCmd('s', sets)]);

describe('balanceTransfer', () => {
  it('moves one leadership from the busiest to the least busy caught-up voter', () => {
    expect(balanceTransfer(input(state(), sets, [1, 1, 1, 2]))).toEqual({
      groupId: 2,
      fromNodeId: 1,
      toNodeId: 3,
    });
  });

  it('does nothing when within one of even', () => {
    expect(balanceTransfer(input(state(), sets, [1, 1, 2, 3]))).toBeUndefined();
  });

  it('never moves to a lagging voter, nor a group with a move in flight', () => {
    expect(balanceTransfer(input(state(), sets, [1, 1, 1, 2], (n) => (n === 3 ? 50 : 100)))).toEqual({
      groupId: 2,
      fromNodeId: 1,
      toNodeId: 2,
    });
    expect(balanceTransfer(input(state(), sets, [1, 1, 1, 2], () => 50))).toBeUndefined();
    expect(balanceTransfer(input(state(), sets, [1, 1, 1, 2], undefined, [2]))).toEqual({
      groupId: 3,
      fromNodeId: 1,
      toNodeId: 3,
    });
  });
});

describe('drainTransfers', () => {
  it('moves every leadership off a draining node to caught-up voters on live brokers, spreading them', () => {
    const s = state();
    applyNext(s, { type: 'SetNodeState', nodeId: 1, state: 'DRAINING' });
    const moves = drainTransfers(input(s, sets, [1, 1, 1, 2]));
    expect(moves.map((m) => m.fromNodeId)).toEqual([1, 1, 1]);
    expect(moves.map((m) => m.toNodeId).sort()).toEqual([2, 3, 3]);
    // A SUSPECT voter takes nothing.
    applyNext(s, { type: 'SetNodeState', nodeId: 3, state: 'SUSPECT' });
    expect(drainTransfers(input(s, sets, [1, 1, 1, 2])).map((m) => m.toNodeId)).toEqual([2, 2, 2]);
  });
});
