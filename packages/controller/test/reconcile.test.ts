// Reconcile, liveness and command ids, each against hand-built inputs: which
// commands one node's report earns (founders bootstrap with the founding
// voters, replacements join empty, deletes wait for the leader to let a
// member go, membership changes go to the leader only), how silence maps to
// a node state, and when a command keeps or changes its id.
import type { pb } from '@rheo/wire';
import { describe, expect, it } from 'vitest';
import { ClusterView } from '../src/cluster-view.js';
import { CommandIds } from '../src/command-ids.js';
import { controllerDefaults } from '../src/config.js';
import { livenessState } from '../src/liveness.js';
import { reconcileNode } from '../src/reconcile.js';
import { applyNext, createCmd, registerCmd, stateOf } from './fixtures.js';

function replica(
  groupId: number,
  role: string,
  term: number,
  voters: number[],
  extra: Partial<pb.ReplicaState__Output> = {},
) {
  return {
    groupId,
    streamName: 's',
    shardId: 'x',
    role,
    term,
    leaderNodeId: 0,
    commitIndex: 10,
    appliedIndex: 10,
    firstIndex: 1,
    lastIndex: 10,
    confState: { voters, learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false },
    needsRepair: false,
    peers: [],
    logBytes: 0,
    endingSequenceNumber: '',
    ...extra,
  } as pb.ReplicaState__Output;
}

function hb(nodeId: number, replicas: pb.ReplicaState__Output[]): pb.NodeHeartbeat__Output {
  return {
    clusterId: 'test-cluster',
    nodeId,
    incarnation: `inc-${nodeId}`,
    sentAtMs: 0,
    replicas,
    traffic: [],
    inflightBytes: 0,
    diskFreeBytes: 0,
    completedCommandIds: [],
  };
}

const fourNodes = [registerCmd(1), registerCmd(2), registerCmd(3), registerCmd(4)];
const kinds = (cmds: { command: { kind?: unknown } }[]) => cmds.map((c) => c.command.kind);

describe('reconcileNode', () => {
  it('creates a founder with the founding voters and a replacement with none', () => {
    const state = stateOf([...fourNodes, createCmd('s', [[1, 2, 3]])]);
    const reports = new Map([[1, hb(1, [])]]);
    const founder = reconcileNode(1, hb(1, []), state, new ClusterView(state, reports), []);
    expect(founder).toHaveLength(1);
    expect(founder[0]!.command).toMatchObject({
      kind: 'REPLICA_COMMAND_KIND_CREATE_REPLICA',
      groupId: 2,
      streamName: 's',
      shardId: 'shardId-000000000000',
      startingSequenceNumber: '2', // the shard's base: its group id
      hashKeyRange: { startingHashKey: '0', endingHashKey: (2n ** 128n - 1n).toString() },
      confState: { voters: [1, 2, 3] },
    });
    applyNext(state, {
      type: 'SetShardReplicas',
      streamName: 's',
      shardId: 'shardId-000000000000',
      replicas: [1, 2, 4],
    });
    const joiner = reconcileNode(4, hb(4, []), state, new ClusterView(state, reports), []);
    expect(joiner[0]!.command.confState?.voters).toEqual([]);
    // Nothing for a node the shard does not want, nothing once created.
    expect(reconcileNode(3, hb(3, []), state, new ClusterView(state, reports), [])).toEqual([]);
    expect(
      reconcileNode(
        1,
        hb(1, [replica(2, 'REPLICA_ROLE_FOLLOWER', 1, [1, 2, 4])]),
        state,
        new ClusterView(state, reports),
        [],
      ),
    ).toEqual([]);
  });

  it('creates nothing for a deleting stream and deletes its replicas', () => {
    const state = stateOf([...fourNodes, createCmd('s', [[1, 2, 3]]), { type: 'DeleteStream', name: 's' }]);
    const view = new ClusterView(state, new Map());
    expect(reconcileNode(1, hb(1, []), state, view, [])).toEqual([]);
    expect(
      kinds(reconcileNode(2, hb(2, [replica(2, 'REPLICA_ROLE_LEADER', 1, [1, 2, 3])]), state, view, [])),
    ).toEqual(['REPLICA_COMMAND_KIND_DELETE_REPLICA']);
  });

  it('deletes an unknown group only when the metadata has allocated its id', () => {
    const state = stateOf([...fourNodes, createCmd('s', [[1, 2, 3]])]);
    const view = new ClusterView(state, new Map());
    const report = hb(1, [
      replica(2, 'REPLICA_ROLE_FOLLOWER', 1, [1, 2, 3]),
      replica(3, 'REPLICA_ROLE_FOLLOWER', 1, [1]),
      replica(1, 'REPLICA_ROLE_LEADER', 1, [1]),
    ]);
    // Group 3 is above every allocated id (a lagging state); group 1 is the metadata group.
    expect(reconcileNode(1, report, state, view, [])).toEqual([]);
    applyNext(state, createCmd('t', [[2, 3, 4]]));
    applyNext(state, { type: 'DeleteStream', name: 't' });
    applyNext(state, { type: 'ForgetStream', name: 't' });
    expect(
      reconcileNode(1, report, state, new ClusterView(state, new Map()), []).map((c) => c.command.groupId),
    ).toEqual([3]);
  });

  it('deletes a removed member only once the leader has let it go, and asks only the leader to change membership', () => {
    const state = stateOf([...fourNodes, createCmd('s', [[1, 2, 3]])]);
    applyNext(state, {
      type: 'SetShardReplicas',
      streamName: 's',
      shardId: 'shardId-000000000000',
      replicas: [1, 2, 4],
    });
    const old = [1, 2, 3];
    const reports = new Map([
      [1, hb(1, [replica(2, 'REPLICA_ROLE_LEADER', 5, old)])],
      [3, hb(3, [replica(2, 'REPLICA_ROLE_FOLLOWER', 5, old)])],
    ]);
    let view = new ClusterView(state, reports);
    const atLeader = reconcileNode(1, reports.get(1)!, state, view, []);
    expect(atLeader.map((c) => c.command)).toMatchObject([
      {
        kind: 'REPLICA_COMMAND_KIND_CHANGE_MEMBERSHIP',
        groupId: 2,
        confState: { voters: [1, 2, 4], autoLeave: true },
      },
    ]);
    expect(reconcileNode(3, reports.get(3)!, state, view, [])).toEqual([]);
    // Mid-change (joint: 3 an outgoing voter) it stays; once out, it is deleted.
    reports.set(
      1,
      hb(1, [
        replica(2, 'REPLICA_ROLE_LEADER', 5, [1, 2, 4], {
          confState: {
            voters: [1, 2, 4],
            votersOutgoing: old,
            learners: [],
            learnersNext: [],
            autoLeave: true,
          },
        }),
      ]),
    );
    view = new ClusterView(state, reports);
    expect(reconcileNode(3, reports.get(3)!, state, view, [])).toEqual([]);
    reports.set(1, hb(1, [replica(2, 'REPLICA_ROLE_LEADER', 5, [1, 2, 4])]));
    view = new ClusterView(state, reports);
    expect(kinds(reconcileNode(3, reports.get(3)!, state, view, []))).toEqual([
      'REPLICA_COMMAND_KIND_DELETE_REPLICA',
    ]);
    expect(reconcileNode(1, reports.get(1)!, state, view, [])).toEqual([]);
  });

  it('asks a leader that the desired set no longer names to change membership (it hands over itself)', () => {
    const state = stateOf([...fourNodes, createCmd('s', [[1]])]);
    applyNext(state, {
      type: 'SetShardReplicas',
      streamName: 's',
      shardId: 'shardId-000000000000',
      replicas: [2],
    });
    const reports = new Map([[1, hb(1, [replica(2, 'REPLICA_ROLE_LEADER', 1, [1], { peers: [] })])]]);
    const cmds = reconcileNode(1, reports.get(1)!, state, new ClusterView(state, reports), []);
    expect(cmds.map((c) => c.command)).toMatchObject([
      { kind: 'REPLICA_COMMAND_KIND_CHANGE_MEMBERSHIP', confState: { voters: [2] } },
    ]);
  });

  it('follows the highest-term leader and sends a transfer only while the source leads', () => {
    const state = stateOf([...fourNodes, createCmd('s', [[1, 2, 3]])]);
    const reports = new Map([
      [1, hb(1, [replica(2, 'REPLICA_ROLE_LEADER', 4, [1, 2])])],
      [2, hb(2, [replica(2, 'REPLICA_ROLE_LEADER', 5, [1, 2, 3])])],
    ]);
    const view = new ClusterView(state, reports);
    expect(view.leaderOf(2)?.nodeId).toBe(2);
    // The stale leader (term 4) gets no membership change.
    expect(reconcileNode(1, reports.get(1)!, state, view, [])).toEqual([]);
    const transfer = { groupId: 2, fromNodeId: 2, toNodeId: 3 };
    expect(reconcileNode(2, reports.get(2)!, state, view, [transfer]).map((c) => c.command)).toEqual([
      { kind: 'REPLICA_COMMAND_KIND_TRANSFER_LEADER', groupId: 2, targetNodeId: 3 },
    ]);
    expect(reconcileNode(1, reports.get(1)!, state, view, [{ ...transfer, fromNodeId: 1 }])).toEqual([]);
  });
});

describe('livenessState', () => {
  const config = { ...controllerDefaults, nodeSuspectAfterMs: 1000, nodeDeadAfterMs: 5000 };
  it.each([
    ['ALIVE', 999, true, 'ALIVE'],
    ['ALIVE', 1000, true, 'SUSPECT'],
    ['SUSPECT', 4999, true, 'SUSPECT'],
    ['SUSPECT', 5000, true, 'DEAD'],
    ['DEAD', 10, true, 'ALIVE'],
    ['DEAD', 10, false, 'DEAD'],
    ['SUSPECT', 10, false, 'SUSPECT'],
    ['ALIVE', 6000, false, 'DEAD'],
    ['DRAINING', 60_000, true, 'DRAINING'],
    ['DRAINED', 60_000, false, 'DRAINED'],
  ] as const)('%s after %i ms silence (heard: %s) is %s', (from, silence, heard, to) => {
    expect(livenessState(from, silence, heard, config)).toBe(to);
  });
});

describe('CommandIds', () => {
  const create = {
    key: 'create/2/',
    command: { kind: 'REPLICA_COMMAND_KIND_CREATE_REPLICA' as const, groupId: 2 },
  };
  const del = {
    key: 'delete/3',
    command: { kind: 'REPLICA_COMMAND_KIND_DELETE_REPLICA' as const, groupId: 3 },
  };
  it('keeps an id while wanted, and gives a fresh one after done or after a pause', () => {
    const ids = new CommandIds(5);
    const [a] = ids.assign(1, [create], []);
    expect(a!.commandId).toBe(5000);
    expect(ids.assign(1, [create, del], []).map((c) => c.commandId)).toEqual([5000, 5001]);
    // Reported done but still wanted: the next step of the work gets a new id.
    expect(ids.assign(1, [create, del], [5000]).map((c) => c.commandId)).toEqual([5002, 5001]);
    // Not wanted for one answer, then wanted again: a new id.
    ids.assign(1, [create], []);
    expect(ids.assign(1, [create, del], []).map((c) => c.commandId)).toEqual([5002, 5003]);
    // Ids are per node.
    expect(ids.assign(2, [create], []).map((c) => c.commandId)).toEqual([5004]);
  });
});

describe('controllerConfig', () => {
  it('fills defaults, derives suspicion from the heartbeat, and refuses bad settings', async () => {
    const { controllerConfig } = await import('../src/index.js');
    expect(controllerConfig('c')).toMatchObject({
      heartbeatIntervalMs: 500,
      nodeSuspectAfterMs: 1500,
      nodeDeadAfterMs: 30_000,
    });
    expect(controllerConfig('c', { heartbeatIntervalMs: 200 }).nodeSuspectAfterMs).toBe(600);
    expect(Object.isFrozen(controllerConfig('c'))).toBe(true);
    expect(() => controllerConfig('c', { shardLimit: 0 })).toThrow(/shardLimit/);
    expect(() => controllerConfig('c', { nodeSuspectAfterMs: 5000, nodeDeadAfterMs: 4000 })).toThrow(
      /must not exceed/,
    );
    expect(() => controllerConfig('c', { bogus: 1 } as object)).toThrow(/unknown controller setting bogus/);
  });
});
