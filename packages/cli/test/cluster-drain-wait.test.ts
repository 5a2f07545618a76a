// `rheo cluster drain --wait`: what counts as done for each goal, that a
// failed poll is retried, and that the time limit ends the wait with the
// node's last state in the message. Time and sleep are injected (no timers).
import type { ClusterDescription, NodeDescription, NodeState } from '@rheo/client';
import { RheoError } from '@rheo/client';
import { describe, expect, it } from 'vitest';
import { drainPending, waitForDrain } from '../src/commands/cluster-drain-wait.js';

function cluster(
  state: NodeState,
  leaderCount: number,
  replicaCount: number,
  otherState: NodeState = 'ALIVE',
): ClusterDescription {
  const node: NodeDescription = {
    nodeId: 2,
    address: 'rheo-1.rheo-headless:7400',
    gatewayAddress: undefined,
    roles: ['BROKER'],
    rack: 'zone-a',
    state,
    replicaCount,
    leaderCount,
    lastHeartbeatMs: 0,
  };
  const other: NodeDescription = { ...node, nodeId: 3, state: otherState, leaderCount: 1 };
  return {
    clusterId: 'rheo',
    controllerNodeId: 1,
    nodes: [node, other],
    underReplicatedShardCount: 0,
    leaderlessShardCount: 0,
    epoch: 1,
  };
}

describe('drainPending', () => {
  it.each([
    ['drained', 'DRAINED', 0, 0, true],
    ['drained', 'DRAINING', 0, 3, false],
    ['leaders', 'DRAINING', 0, 3, true],
    ['leaders', 'DRAINING', 1, 3, false],
    ['leaders', 'DRAINED', 0, 0, true],
    // Not draining at all (someone undrained it): leading nothing is not the goal reached.
    ['leaders', 'ALIVE', 0, 3, false],
  ] as const)('%s with %s, %i leaders, %i replicas: done=%s', (goal, state, leaders, replicas, done) => {
    expect(drainPending(cluster(state, leaders, replicas), 2, goal) === undefined).toBe(done);
  });

  it('leaders: done when no other broker is ALIVE to take them (all stopping at once)', () => {
    expect(drainPending(cluster('DRAINING', 2, 3, 'DRAINING'), 2, 'leaders')).toBeUndefined();
    expect(drainPending(cluster('DRAINING', 2, 3, 'DEAD'), 2, 'leaders')).toBeUndefined();
    expect(drainPending(cluster('DRAINING', 2, 3, 'DRAINING'), 2, 'drained')).toBeDefined();
  });

  it('refuses a node the cluster does not know', () => {
    expect(() => drainPending(cluster('ALIVE', 0, 0), 9, 'drained')).toThrow(/node 9 is not in the cluster/);
  });
});

describe('waitForDrain', () => {
  function clock() {
    let now = 0;
    const sleep = async (ms: number) => {
      now += ms;
    };
    return { nowMs: () => now, sleep };
  }

  it('polls through a failed call until the leaders are gone', async () => {
    const answers: Array<ClusterDescription | Error> = [
      cluster('DRAINING', 2, 3),
      new RheoError('Unavailable', 'election in progress'),
      cluster('DRAINING', 0, 3),
    ];
    let calls = 0;
    await waitForDrain({
      nodeId: 2,
      goal: 'leaders',
      timeoutMs: 10_000,
      ...clock(),
      describe: async () => {
        const next = answers[calls++];
        if (next instanceof Error) throw next;
        return next as ClusterDescription;
      },
    });
    expect(calls).toBe(3);
  });

  it('gives up at the time limit, naming what is left', async () => {
    await expect(
      waitForDrain({
        nodeId: 2,
        goal: 'drained',
        timeoutMs: 2_000,
        ...clock(),
        describe: async () => cluster('DRAINING', 0, 4),
      }),
    ).rejects.toThrow('node 2 not DRAINED after 2 s: DRAINING, 0 leaders, 4 replicas');
  });
});
