// ReplicaCommands, the broker agent's command runner, on a real ReplicaHost
// over a real NodeStore (single-node groups of node 1). Proven here:
// - a group's commands in one answer run in order (create then delete
//   leaves nothing: no replica, no data, no record) and both are reported
//   done; acknowledged ids are reported no more;
// - while a group's work runs, that group's commands in a later answer are
//   skipped (never two at once), other groups' run;
// - a repeat of a finished creation, after the replica was deleted, is
//   reported done without bringing the replica back;
// - a failing command is left undone, logged once however often it is
//   repeated, and the group's later commands in that answer do not run;
// - TRANSFER_LEADER to the leader itself and CHANGE_MEMBERSHIP to the
//   current voters are done at once; on a group not hosted they fail.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReplicaHost } from '@rheo/broker';
import { NodeStore } from '@rheo/storage';
import { hashKeyMax, type pb } from '@rheo/wire';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AgentLog } from '../src/cluster/agent-log.js';
import { ReplicaCommands } from '../src/cluster/replica-commands.js';
import { loadReplica } from '../src/cluster/replica-specs.js';
import { waitFor } from './transport-harness.js';

let dir: string;
let store: NodeStore;
let host: ReplicaHost;
let warnings: Array<[object, string]>;
let commands: ReplicaCommands;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rheo-commands-'));
  store = await NodeStore.open(dir);
  host = new ReplicaHost({
    nodeId: 1,
    store,
    transport: { send: () => {} },
    options: {
      iteratorSecret: new Uint8Array(32).fill(5),
      tickIntervalMs: 10,
      electionTicks: 5,
      heartbeatTicks: 1,
      leaseSafetyMarginTicks: 1,
    },
  });
  host.start();
  warnings = [];
  const log: AgentLog = {
    debug() {},
    info() {},
    warn: (f, m) => warnings.push([f, m]),
    error: (f, m) => warnings.push([f, m]),
  };
  commands = new ReplicaCommands({ nodeId: 1, host, meta: store.meta, log });
});

afterEach(async () => {
  await commands.idle();
  await host.stop();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const base = {
  streamName: 's',
  shardId: 'shardId-000000000000',
  targetNodeId: 0,
  startingSequenceNumber: '',
};

function create(commandId: number, groupId: number, voters = [1]): pb.ReplicaCommand__Output {
  return {
    ...base,
    commandId,
    kind: 'REPLICA_COMMAND_KIND_CREATE_REPLICA',
    groupId,
    shardId: `shardId-${String(groupId).padStart(12, '0')}`,
    hashKeyRange: { startingHashKey: '0', endingHashKey: hashKeyMax.toString() },
    confState: { voters, learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false },
  };
}

function other(
  commandId: number,
  kind: pb.ReplicaCommandKind__Output,
  groupId: number,
  over: Partial<pb.ReplicaCommand__Output> = {},
): pb.ReplicaCommand__Output {
  return {
    ...base,
    commandId,
    kind,
    groupId,
    shardId: `shardId-${String(groupId).padStart(12, '0')}`,
    hashKeyRange: null,
    confState: null,
    ...over,
  };
}

// Serving: it applied an entry of its term, so membership changes are taken (before that they are 'pending').
const leads = (groupId: number) => host.replica(groupId)?.status().serving === true;

describe('ReplicaCommands', () => {
  test("one group's commands run in order; done ids are reported until acknowledged", async () => {
    commands.run([create(1, 5), other(2, 'REPLICA_COMMAND_KIND_DELETE_REPLICA', 5)]);
    await commands.idle();
    expect(commands.completedIds()).toEqual([1, 2]);
    expect(host.replica(5)).toBeUndefined();
    expect(store.hasGroup('shard/s/shardId-000000000005/5')).toBe(false);
    expect(await loadReplica(store.meta, 5)).toBeUndefined();
    commands.acknowledge([1, 2]);
    expect(commands.completedIds()).toEqual([]);
    // An old answer repeats the creation: reported done, not run again.
    commands.run([create(1, 5)]);
    await commands.idle();
    expect(commands.completedIds()).toEqual([1]);
    expect(host.replica(5)).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  test("a busy group's commands wait for a later answer; other groups run", async () => {
    commands.run([create(1, 5)]);
    expect(commands.busy).toBe(true);
    // The same answer again while the creation runs, plus a deletion of it and another group.
    commands.run([create(1, 5), other(2, 'REPLICA_COMMAND_KIND_DELETE_REPLICA', 5), create(3, 6)]);
    await commands.idle();
    expect(commands.completedIds().sort()).toEqual([1, 3]);
    expect(host.replica(5)).toBeDefined();
    expect(host.replica(6)).toBeDefined();
  });

  test('a failing command stays undone, is logged once, and holds back its group', async () => {
    // Node 1 is not among the founders: refused.
    const bad = create(1, 5, [2, 3]);
    const after = other(2, 'REPLICA_COMMAND_KIND_CHANGE_MEMBERSHIP', 5);
    for (let i = 0; i < 3; i++) {
      commands.run([bad, after]);
      await commands.idle();
    }
    expect(commands.completedIds()).toEqual([]);
    expect(host.replica(5)).toBeUndefined();
    expect(await loadReplica(store.meta, 5)).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]![0]).toMatchObject({
      command: { id: 1, kind: 'REPLICA_COMMAND_KIND_CREATE_REPLICA', group: 5 },
    });
  });

  test('transfer to the leader itself and membership already at the target are done at once', async () => {
    commands.run([create(1, 5)]);
    await commands.idle();
    await waitFor('leader', () => leads(5));
    const voters = { voters: [1], learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false };
    commands.run([
      other(2, 'REPLICA_COMMAND_KIND_TRANSFER_LEADER', 5, { targetNodeId: 1 }),
      other(3, 'REPLICA_COMMAND_KIND_CHANGE_MEMBERSHIP', 5, { confState: voters }),
    ]);
    await commands.idle();
    expect(commands.completedIds()).toEqual([1, 2, 3]);
    commands.run([other(4, 'REPLICA_COMMAND_KIND_TRANSFER_LEADER', 9, { targetNodeId: 1 })]);
    await commands.idle();
    expect(commands.completedIds()).toEqual([1, 2, 3]);
    expect(warnings).toHaveLength(1);
    expect(String((warnings[0]![0] as { err: Error }).err.message)).toMatch(/group 9 has no replica/);
  });
});
