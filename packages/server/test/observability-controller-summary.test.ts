// controllerSummary, on a real ActiveController over a real MetaState
// (commands applied in memory as the metadata group would): brokers by
// state (every state present, zeros included), open and closed shards,
// leaders per node from the metadata's reported leaders, and the
// controller's own under-replicated and leaderless counts (no broker has
// heartbeated yet, so every shard counts as both).
import { ActiveController, controllerConfig, type MetaCommand, MetaState } from '@rheo/controller';
import { describe, expect, it } from 'vitest';
import { controllerSummary } from '../src/observability/index.js';

function register(id: number): MetaCommand {
  return {
    type: 'RegisterNode',
    node: {
      id,
      address: `10.0.0.${id}:7400`,
      gatewayAddress: '',
      roles: ['broker'],
      rack: '',
      incarnation: `inc-${id}`,
      registeredAtMs: 1_000,
    },
  };
}

describe('controllerSummary', () => {
  it('counts nodes, shards and leaders from the metadata, and takes the rest from the controller', () => {
    const state = MetaState.empty('c1');
    const commands: MetaCommand[] = [
      register(1),
      register(2),
      register(3),
      { type: 'SetNodeState', nodeId: 3, state: 'DEAD' },
      {
        type: 'CreateStream',
        name: 'orders',
        shardCount: 3,
        replicationFactor: 2,
        retentionHours: 24,
        mode: 'PROVISIONED',
        tags: {},
        atMs: 5_000,
        placement: [
          [1, 2],
          [1, 2],
          [2, 1],
        ],
      },
    ];
    for (const c of commands) {
      const o = state.apply(c, state.appliedIndex + 1);
      expect(o.ok, c.type).toBe(true);
    }
    const [a, b] = state.shardsOf('orders');
    const leaders: MetaCommand = {
      type: 'ReportLeaders',
      leaders: [
        { groupId: a!.groupId, nodeId: 1, term: 1 },
        { groupId: b!.groupId, nodeId: 1, term: 1 },
      ],
    };
    expect(state.apply(leaders, state.appliedIndex + 1).ok).toBe(true);
    const controller = new ActiveController({
      meta: { state: () => state, propose: async (cmd) => state.apply(cmd, state.appliedIndex + 1) },
      config: controllerConfig('c1'),
      nowMs: () => 10_000,
    });
    expect(controllerSummary(controller, state)).toEqual({
      nodesByState: { ALIVE: 2, SUSPECT: 0, DEAD: 1, DRAINING: 0, DRAINED: 0 },
      shardsOpen: 3,
      shardsClosed: 0,
      underReplicated: 3,
      leaderless: 3,
      leadersPerNode: { 1: 2 },
    });
  });
});
