// Proves the broker agent against scripted ControllerHeartbeat servers
// (real gRPC servers in this process, broker-agent-fake-controller.ts) with
// a real ReplicaHost over a real NodeStore in a temporary directory:
// - CREATE_REPLICA of a single-node group opens the replica, which elects
//   itself; the next heartbeats report it (leader, term, conf state) and the
//   command id as done, and its traffic once records are written;
// - DELETE_REPLICA stops it, deletes its data from the store and forgets its
//   spec record; the heartbeats stop reporting it;
// - a restarted agent reopens the remembered replicas before its first
//   heartbeat (they elect without any command) and finishes a deletion a
//   crash interrupted (a record marked deleting) instead of reopening it;
// - RegisterNode refused with NotLeader goes to the controller it names;
//   a heartbeat refused as unknown registers again; an answer with a newer
//   epoch fetches the metadata once and hands the bytes to onMetadata;
// - an unreachable voter is skipped for the next one.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReplicaHost } from '@rheo/broker';
import { NodeStore } from '@rheo/storage';
import { freePorts, LOOPBACK } from '@rheo/testkit';
import { encodeBatch, fullHashRange, hashKeyMax, type pb, RheoError } from '@rheo/wire';
import { afterEach, describe, expect, test } from 'vitest';
import type { AgentLog } from '../src/cluster/agent-log.js';
import { BrokerAgent, type BrokerAgentOptions } from '../src/cluster/broker-agent.js';
import { loadReplica, loadReplicas, saveReplica } from '../src/cluster/replica-specs.js';
import { FakeController } from './broker-agent-fake-controller.js';
import { waitFor } from './transport-harness.js';

const SECRET = new Uint8Array(32).fill(3);
const STREAM = 's';

interface Node {
  readonly dir: string;
  store: NodeStore;
  host: ReplicaHost;
  agent?: BrokerAgent;
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const quietLog: AgentLog = { debug() {}, info() {}, warn() {}, error() {} };

async function openNode(dir: string): Promise<Node> {
  const store = await NodeStore.open(dir);
  const host = new ReplicaHost({
    nodeId: 1,
    store,
    transport: { send: () => {} },
    options: {
      iteratorSecret: SECRET,
      tickIntervalMs: 10,
      electionTicks: 5,
      heartbeatTicks: 1,
      leaseSafetyMarginTicks: 1,
    },
  });
  host.start();
  return { dir, store, host };
}

async function closeNode(n: Node): Promise<void> {
  await n.agent?.stop();
  await n.host.stop();
  await n.store.close();
}

async function newNode(): Promise<Node> {
  const dir = await mkdtemp(join(tmpdir(), 'rheo-agent-'));
  const n = await openNode(dir);
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  cleanups.push(() => closeNode(n));
  return n;
}

function agentFor(
  n: Node,
  voters: FakeController[] | BrokerAgentOptions['controllerVoters'],
  extra: Partial<BrokerAgentOptions> = {},
) {
  const controllerVoters = voters.map((v) => ({ id: v.id, address: v.address }));
  const agent = new BrokerAgent({
    nodeId: 1,
    clusterId: 'c1',
    incarnation: `inc-${Math.random()}`,
    address: `${LOOPBACK}:1`,
    gatewayAddress: '',
    roles: ['broker'],
    rack: 'r1',
    controllerVoters,
    host: n.host,
    store: n.store,
    dataDir: n.dir,
    heartbeatIntervalMs: 50,
    fetchMetadata: false,
    log: quietLog,
    backoff: { initialMs: 20, maxMs: 200 },
    ...extra,
  });
  n.agent = agent;
  return agent;
}

function createCommand(commandId: number, groupId: number, shard = 0): pb.ReplicaCommand {
  return {
    commandId,
    kind: 'REPLICA_COMMAND_KIND_CREATE_REPLICA',
    groupId,
    streamName: STREAM,
    shardId: `shardId-${String(shard).padStart(12, '0')}`,
    hashKeyRange: { startingHashKey: '0', endingHashKey: hashKeyMax.toString() },
    startingSequenceNumber: '0',
    confState: { voters: [1] },
  };
}

function deleteCommand(commandId: number, groupId: number): pb.ReplicaCommand {
  return {
    commandId,
    kind: 'REPLICA_COMMAND_KIND_DELETE_REPLICA',
    groupId,
    streamName: STREAM,
    shardId: 'shardId-000000000000',
  };
}

/** A controller script: each command is repeated until a heartbeat reports it done (the controller's rule). */
function repeatUntilDone(c: FakeController, pending: pb.ReplicaCommand[]) {
  c.script.heartbeat = (hb) => {
    const done = new Set(hb.completedCommandIds);
    pending = pending.filter((cmd) => !done.has(cmd.commandId as number));
    return { controllerNodeId: c.id, epoch: 1, heartbeatIntervalMs: 50, commands: pending };
  };
  return { add: (cmd: pb.ReplicaCommand) => pending.push(cmd) };
}

const reported = (c: FakeController, groupId: number) => c.last?.replicas.find((r) => r.groupId === groupId);

describe('BrokerAgent', () => {
  test('creates a replica on command, reports it, deletes it with its data', async () => {
    const n = await newNode();
    const ctl = await FakeController.start(7);
    cleanups.push(() => ctl.stop());
    const script = repeatUntilDone(ctl, [createCommand(11, 5)]);
    const agent = agentFor(n, [ctl]);
    await agent.start();

    await waitFor('the replica reported as leader', () => reported(ctl, 5)?.role === 'REPLICA_ROLE_LEADER');
    const state = reported(ctl, 5)!;
    expect(state).toMatchObject({
      streamName: STREAM,
      shardId: 'shardId-000000000000',
      leaderNodeId: 1,
      confState: { voters: [1], learners: [], votersOutgoing: [] },
      needsRepair: false,
    });
    expect(state.term).toBeGreaterThanOrEqual(1);
    expect(ctl.heartbeats.some((hb) => hb.completedCommandIds.includes(11))).toBe(true);
    expect(ctl.registrations).toHaveLength(1);
    expect(ctl.registrations[0]).toMatchObject({
      clusterId: 'c1',
      nodeId: 1,
      roles: ['NODE_ROLE_BROKER'],
      rack: 'r1',
    });
    expect(ctl.last!.diskFreeBytes).toBeGreaterThan(0);
    expect(agent.controllerId()).toBe(7);
    expect(agent.controllerAddress()).toBe(ctl.address);

    const replica = n.host.replica(5)!;
    expect(replica.spec).toMatchObject({
      groupName: `shard/${STREAM}/shardId-000000000000/5`,
      sequenceBase: 0n,
      hashRange: fullHashRange,
      replicas: [1],
    });
    const record = await loadReplica(n.store.meta, 5);
    expect(record).toMatchObject({ join: false, spec: { groupId: 5, groupName: replica.spec.groupName } });
    // Writes show up as the leader's traffic in a later heartbeat.
    await replica.produce(encodeBatch([{ partitionKey: 'k', data: Buffer.from('hello') }]));
    await waitFor('traffic reported', () =>
      ctl.heartbeats.some((hb) => hb.traffic.some((t) => t.groupId === 5 && t.writeRecords === 1)),
    );
    expect(n.store.hasGroup(replica.spec.groupName)).toBe(true);

    script.add(deleteCommand(12, 5));
    await waitFor('the deletion reported done', () =>
      ctl.heartbeats.some((hb) => hb.completedCommandIds.includes(12)),
    );
    expect(reported(ctl, 5)).toBeUndefined();
    expect(n.host.replica(5)).toBeUndefined();
    expect(n.store.hasGroup(replica.spec.groupName)).toBe(false);
    expect(await loadReplica(n.store.meta, 5)).toBeUndefined();
    // The controller stopped sending them; the agent stopped reporting them.
    const count = ctl.heartbeats.length;
    await waitFor('two more heartbeats', () => ctl.heartbeats.length >= count + 2);
    expect(ctl.last!.completedCommandIds).toEqual([]);
  });

  test('a restarted agent reopens remembered replicas before its first heartbeat and finishes a deletion', async () => {
    const n = await newNode();
    const ctl = await FakeController.start(7);
    cleanups.push(() => ctl.stop());
    repeatUntilDone(ctl, [createCommand(21, 5, 0), createCommand(22, 6, 1)]);
    await agentFor(n, [ctl]).start();
    await waitFor(
      'both leaders',
      () =>
        reported(ctl, 5)?.role === 'REPLICA_ROLE_LEADER' && reported(ctl, 6)?.role === 'REPLICA_ROLE_LEADER',
    );
    const acked = await n.host
      .replica(5)!
      .produce(encodeBatch([{ partitionKey: 'k', data: Buffer.from('kept') }]));
    const doomed = (await loadReplica(n.store.meta, 6))!;
    // A crash in the middle of deleting group 6: its record is marked, its data still there.
    await saveReplica(n.store.meta, { ...doomed, deleting: true });
    await closeNode(n);

    const again = await openNode(n.dir);
    cleanups.push(() => closeNode(again));
    const silent = await FakeController.start(8);
    cleanups.push(() => silent.stop());
    const agent = agentFor(again, [silent]);
    await agent.start();
    // Before any heartbeat could carry a command: group 5 is open, group 6 is gone.
    expect(again.host.replica(5)?.spec.groupName).toBe(`shard/${STREAM}/shardId-000000000000/5`);
    expect(again.host.replica(6)).toBeUndefined();
    expect(again.store.hasGroup(doomed.spec.groupName)).toBe(false);
    expect((await loadReplicas(again.store.meta, () => {})).map((r) => r.spec.groupId)).toEqual([5]);
    await waitFor(
      'reopened replica leads and is reported',
      () => reported(silent, 5)?.role === 'REPLICA_ROLE_LEADER',
    );
    expect(silent.heartbeats.every((hb) => hb.replicas.every((r) => r.groupId === 5))).toBe(true);
    const it = await again.host.replica(5)!.getShardIterator({ type: 'TRIM_HORIZON' });
    const read = await again.host.replica(5)!.getRecords(it);
    expect(read.recordCount).toBe(1);
    expect(acked.recordCount).toBe(1);
  });

  test('follows NotLeader to the controller named, registers again when unknown, fetches newer metadata', async () => {
    const n = await newNode();
    const follower = await FakeController.start(7, {
      register: () => new RheoError('NotLeader', 'node 7 is not the active controller', { leaderNodeId: 8 }),
    });
    const active = await FakeController.start(8);
    cleanups.push(
      () => follower.stop(),
      () => active.stop(),
    );
    let refusedOnce = false;
    active.script.heartbeat = () => {
      if (!refusedOnce) {
        refusedOnce = true;
        return new RheoError('ResourceNotFound', 'node 1 is not registered');
      }
      return { controllerNodeId: 8, epoch: 3, heartbeatIntervalMs: 50 };
    };
    active.script.fetchMetadata = (req) => ({
      epoch: 3,
      unchanged: req.knownEpoch === 3,
      state: Buffer.from('state@3'),
    });
    const epochs: Array<[number, number]> = [];
    const mirrors: Array<[number, string]> = [];
    const agent = agentFor(n, [follower, active], {
      fetchMetadata: true,
      onMetadataEpoch: (e, c) => epochs.push([e, c]),
      onMetadata: (e, s) => mirrors.push([e, Buffer.from(s).toString()]),
    });
    await agent.start();
    await waitFor('heartbeats answered', () => epochs.length >= 3);
    expect(follower.registrations).toHaveLength(1);
    expect(follower.heartbeats).toHaveLength(0);
    expect(active.registrations).toHaveLength(2);
    expect(new Set(active.registrations.map((r) => r.incarnation)).size).toBe(1);
    expect(epochs[0]).toEqual([3, 8]);
    expect(mirrors).toEqual([[3, 'state@3']]);
    expect(active.fetches).toHaveLength(1);
    expect(active.fetches[0]).toMatchObject({ clusterId: 'c1', knownEpoch: 0 });
    expect(agent.mirrorEpoch()).toBe(3);
    expect(agent.controllerId()).toBe(8);
    expect(agent.controllerAddress()).toBe(active.address);
  });

  test('an unreachable voter is skipped for the next one', async () => {
    const n = await newNode();
    const [dead] = (await freePorts(1)) as [number];
    const ctl = await FakeController.start(8);
    cleanups.push(() => ctl.stop());
    const agent = agentFor(
      n,
      [
        { id: 9, address: `${LOOPBACK}:${dead}` },
        { id: 8, address: ctl.address },
      ],
      {
        callDeadlineMs: 500,
      },
    );
    await agent.start();
    await waitFor('registered at the reachable voter', () => ctl.heartbeats.length >= 1);
    expect(agent.controllerId()).toBe(8);
    expect(agent.isRegistered).toBe(true);
  });
});
