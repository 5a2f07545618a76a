// The broker agent's pure parts, as tables:
// - replica-report: every replica role maps to its proto role (learner
//   included); a leader's status maps to a ReplicaState with its membership
//   (joint included) and its peers' progress; a closed shard carries its
//   ending sequence number;
// - the traffic meter reports a led shard's counter differences since the
//   last answered heartbeat (nothing on first sight or for followers), and
//   a sample never committed (its heartbeat failed) is counted again;
// - a CREATE_REPLICA command becomes a ShardSpec (group name with the group
//   id, decimal bigints, sorted voters; join when it has no voters), and a
//   malformed one is InvalidArgument naming the field;
// - which heartbeat refusals make the agent register again.
import type { ReplicaStatus } from '@rheo/broker';
import { type pb, RheoError } from '@rheo/wire';
import { describe, expect, test } from 'vitest';
import { mustRegisterAgain } from '../src/cluster/broker-agent.js';
import {
  replicaRole,
  replicaState,
  type TrafficCounters,
  TrafficMeter,
} from '../src/cluster/replica-report.js';
import { replicaFromCreateCommand } from '../src/cluster/replica-specs.js';

function status(over: Partial<ReplicaStatus> = {}): ReplicaStatus {
  return {
    groupId: 5,
    streamName: 's',
    shardId: 'shardId-000000000000',
    role: 'follower',
    leader: 2,
    term: 4,
    commitIndex: 10,
    appliedIndex: 9,
    firstIndex: 1,
    lastIndex: 11,
    confState: { voters: [1, 2, 3], learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false },
    needsRepair: false,
    peers: [],
    leadTransferee: 0,
    serving: false,
    inflightBytes: 0,
    failed: false,
    ...over,
  };
}

describe('replica report', () => {
  test.each([
    ['follower', 'REPLICA_ROLE_FOLLOWER'],
    ['pre-candidate', 'REPLICA_ROLE_PRE_CANDIDATE'],
    ['candidate', 'REPLICA_ROLE_CANDIDATE'],
    ['leader', 'REPLICA_ROLE_LEADER'],
    ['learner', 'REPLICA_ROLE_LEARNER'],
  ] as const)('role %s → %s', (role, proto) => {
    expect(replicaRole(role)).toBe(proto);
  });

  test('a follower: indexes, leader, membership, no peers', () => {
    expect(replicaState(status())).toEqual({
      groupId: 5,
      streamName: 's',
      shardId: 'shardId-000000000000',
      role: 'REPLICA_ROLE_FOLLOWER',
      term: 4,
      leaderNodeId: 2,
      commitIndex: 10,
      appliedIndex: 9,
      firstIndex: 1,
      lastIndex: 11,
      confState: { voters: [1, 2, 3], learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false },
      needsRepair: false,
      peers: [],
      endingSequenceNumber: '',
    });
  });

  test('a leader in a joint configuration reports its peers; a closed shard its ending sequence number', () => {
    const s = replicaState(
      status({
        role: 'leader',
        leader: 1,
        confState: {
          voters: [1, 2, 4],
          learners: [5],
          votersOutgoing: [1, 2, 3],
          learnersNext: [],
          autoLeave: true,
        },
        peers: [
          { nodeId: 2, matchIndex: 11, recentActive: true },
          { nodeId: 4, matchIndex: 3, recentActive: false },
        ],
        endingSequenceNumber: '49590338271490256608559692538361571095921575989136588898',
      }),
    );
    expect(s.role).toBe('REPLICA_ROLE_LEADER');
    expect(s.confState).toEqual({
      voters: [1, 2, 4],
      learners: [5],
      votersOutgoing: [1, 2, 3],
      learnersNext: [],
      autoLeave: true,
    });
    expect(s.peers).toEqual([
      { nodeId: 2, matchIndex: 11, recentActive: true },
      { nodeId: 4, matchIndex: 3, recentActive: false },
    ]);
    expect(s.endingSequenceNumber).toBe('49590338271490256608559692538361571095921575989136588898');
    expect(replicaState(status({ role: 'learner', needsRepair: true }))).toMatchObject({
      role: 'REPLICA_ROLE_LEARNER',
      needsRepair: true,
    });
  });
});

describe('traffic meter', () => {
  const counters = (n: number): TrafficCounters => ({
    incomingBytes: 100 * n,
    incomingRecords: n,
    outgoingBytes: 50 * n,
    reads: 2 * n,
    iteratorAgeMs: n,
    writeThrottled: n,
    readThrottled: 3 * n,
  });

  test('differences since the last answered heartbeat, for leaders only', () => {
    const m = new TrafficMeter();
    const first = m.sample(
      [
        { groupId: 5, leader: true, counters: counters(1) },
        { groupId: 6, leader: false, counters: counters(1) },
      ],
      1_000,
    );
    expect(first.traffic).toEqual([]);
    m.commit(first);
    const second = m.sample(
      [
        { groupId: 5, leader: true, counters: counters(4) },
        { groupId: 6, leader: false, counters: counters(9) },
      ],
      1_500,
    );
    expect(second.traffic).toEqual([
      {
        groupId: 5,
        intervalMs: 500,
        writeBytes: 300,
        writeRecords: 3,
        readBytes: 150,
        readCalls: 6,
        writeThrottled: 3,
        readThrottled: 9,
        iteratorAgeMsMax: 4,
      },
    ]);
    // That heartbeat failed (no commit): the next report still counts from the last answered one.
    const third = m.sample([{ groupId: 5, leader: true, counters: counters(5) }], 2_000);
    expect(third.traffic[0]).toMatchObject({ intervalMs: 1_000, writeRecords: 4 });
    m.commit(third);
    const fourth = m.sample([{ groupId: 5, leader: true, counters: counters(5) }], 2_100);
    expect(fourth.traffic[0]).toMatchObject({ intervalMs: 100, writeRecords: 0, writeBytes: 0 });
  });
});

describe('CREATE_REPLICA → ShardSpec', () => {
  const cmd = (over: Partial<pb.ReplicaCommand__Output> = {}): pb.ReplicaCommand__Output => ({
    commandId: 1,
    kind: 'REPLICA_COMMAND_KIND_CREATE_REPLICA',
    groupId: 12,
    streamName: 'orders',
    shardId: 'shardId-000000000003',
    hashKeyRange: { startingHashKey: '100', endingHashKey: '340282366920938463463374607431768211455' },
    startingSequenceNumber: '49590338271490256608559692538361571095921575989136588898',
    confState: { voters: [3, 1, 2], learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false },
    targetNodeId: 0,
    ...over,
  });

  test('a founder', () => {
    expect(replicaFromCreateCommand(cmd())).toEqual({
      spec: {
        groupId: 12,
        groupName: 'shard/orders/shardId-000000000003/12',
        streamName: 'orders',
        shardId: 'shardId-000000000003',
        hashRange: { start: 100n, end: 2n ** 128n - 1n },
        sequenceBase: 49590338271490256608559692538361571095921575989136588898n,
        replicas: [1, 2, 3],
      },
      join: false,
    });
  });

  test('a replacement joins empty; an empty sequence base is 0', () => {
    const r = replicaFromCreateCommand(cmd({ confState: null, startingSequenceNumber: '' }));
    expect(r.join).toBe(true);
    expect(r.spec.replicas).toEqual([]);
    expect(r.spec.sequenceBase).toBe(0n);
  });

  test.each([
    ['group 0', { groupId: 0 }, 'group_id'],
    ['the metadata group', { groupId: 1 }, 'group_id'],
    ['no stream', { streamName: '' }, 'stream_name'],
    ['no shard', { shardId: '' }, 'shard_id'],
    ['no range', { hashKeyRange: null }, 'hash_key_range'],
    [
      'a bad hash key',
      { hashKeyRange: { startingHashKey: '-1', endingHashKey: '5' } },
      'hash_key_range.starting_hash_key',
    ],
    ['a bad sequence base', { startingSequenceNumber: '12x' }, 'starting_sequence_number'],
  ] as const)('refused: %s', (_name, over, field) => {
    let err: unknown;
    try {
      replicaFromCreateCommand(cmd(over as Partial<pb.ReplicaCommand__Output>));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RheoError);
    expect((err as RheoError).code).toBe('InvalidArgument');
    expect((err as RheoError).field).toBe(field);
  });
});

describe('registering again', () => {
  test.each([
    [new RheoError('ResourceNotFound', 'node 1 is not registered'), true],
    [new RheoError('InvalidArgument', 'stale incarnation', { field: 'incarnation' }), true],
    [new RheoError('ResourceInUse', 'another process holds node 1', { field: 'node_id' }), true],
    [new RheoError('Unavailable', 'no leader'), false],
    [new RheoError('InvalidArgument', 'wrong cluster', { field: 'cluster_id' }), false],
  ])('%s → %s', (err, again) => {
    expect(mustRegisterAgain(err)).toBe(again);
  });
});
