// MetaState, command by command: what each command changes, and that every
// bad input is refused with Kinesis's reason and message while changing
// nothing but the applied index (the snapshot bytes prove "nothing").
import { evenHashRanges, RheoError } from '@rheo/wire';
import { describe, expect, it } from 'vitest';
import { decodeMetaCommand, encodeMetaCommand, type MetaCommand, MetaState } from '../src/index.js';
import { applyNext, clusterId, createCmd, registerCmd, stateOf } from './fixtures.js';

const threeNodes = [registerCmd(1), registerCmd(2), registerCmd(3)];

/** Applies `cmd`, expects a refusal with `reason` (and a message matching `message`), and no change. */
function expectRefused(s: MetaState, cmd: MetaCommand, reason: string, message?: string | RegExp) {
  const before = s.encode();
  const index = s.appliedIndex + 1;
  const o = s.apply(cmd, index);
  expect(o.ok).toBe(false);
  if (o.ok) return;
  expect(o.reason).toBe(reason);
  if (typeof message === 'string') expect(o.message).toBe(message);
  else if (message !== undefined) expect(o.message).toMatch(message);
  expect(s.appliedIndex).toBe(index);
  const after = JSON.parse(new TextDecoder().decode(s.encode()));
  expect({ ...after, appliedIndex: 0 }).toEqual({
    ...JSON.parse(new TextDecoder().decode(before)),
    appliedIndex: 0,
  });
}

describe('RegisterNode', () => {
  it('registers a node ALIVE and re-registers the same address with a new incarnation', () => {
    const s = stateOf([registerCmd(1, { rack: 'a' })]);
    expect(s.node(1)).toMatchObject({
      id: 1,
      state: 'ALIVE',
      rack: 'a',
      incarnation: 'inc-1',
      roles: ['broker'],
    });
    expect(applyNext(s, registerCmd(1, { rack: 'a', incarnation: 'inc-1b' })).ok).toBe(true);
    expect(s.node(1)?.incarnation).toBe('inc-1b');
  });

  it('refuses another address for a live id, naming both addresses', () => {
    const s = stateOf([registerCmd(1)]);
    expectRefused(
      s,
      registerCmd(1, { address: '10.9.9.9:7000' }),
      'ResourceInUse',
      /10\.0\.0\.1:7000.*10\.9\.9\.9:7000/,
    );
  });

  it('lets a DEAD node come back at another address, and keeps a drain over a restart', () => {
    const s = stateOf([registerCmd(1), registerCmd(2), { type: 'SetNodeState', nodeId: 1, state: 'DEAD' }]);
    expect(applyNext(s, registerCmd(1, { address: '10.9.9.9:7000' })).ok).toBe(true);
    expect(s.node(1)).toMatchObject({ address: '10.9.9.9:7000', state: 'ALIVE' });
    applyNext(s, { type: 'SetNodeState', nodeId: 2, state: 'DRAINING' });
    applyNext(s, registerCmd(2, { incarnation: 'again' }));
    expect(s.node(2)?.state).toBe('DRAINING');
  });

  it('refuses bad ids, empty addresses and unknown roles', () => {
    const s = MetaState.empty(clusterId);
    expectRefused(s, registerCmd(0), 'InvalidArgument');
    expectRefused(s, registerCmd(2 ** 32), 'InvalidArgument');
    expectRefused(s, registerCmd(1, { address: '' }), 'InvalidArgument');
    expectRefused(s, registerCmd(1, { roles: [] }), 'InvalidArgument');
    expectRefused(s, registerCmd(1, { roles: ['boss' as 'broker'] }), 'InvalidArgument');
  });
});

describe('SetNodeState and RemoveNode', () => {
  it('sets a state; refuses unknown nodes and states', () => {
    const s = stateOf([registerCmd(1)]);
    expect(applyNext(s, { type: 'SetNodeState', nodeId: 1, state: 'SUSPECT' }).ok).toBe(true);
    expect(s.node(1)?.state).toBe('SUSPECT');
    expectRefused(s, { type: 'SetNodeState', nodeId: 9, state: 'DEAD' }, 'ResourceNotFound');
    expectRefused(s, { type: 'SetNodeState', nodeId: 1, state: 'ASLEEP' as 'DEAD' }, 'InvalidArgument');
  });

  it('removes only a DRAINED node, or a DEAD one no shard wants', () => {
    const s = stateOf([...threeNodes, registerCmd(4), createCmd('s', [[1, 2, 3]])]);
    expectRefused(s, { type: 'RemoveNode', nodeId: 4 }, 'ResourceInUse', /ALIVE/);
    applyNext(s, { type: 'SetNodeState', nodeId: 1, state: 'DEAD' });
    expectRefused(s, { type: 'RemoveNode', nodeId: 1 }, 'ResourceInUse', /replica set of 1 shard/);
    applyNext(s, { type: 'SetNodeState', nodeId: 4, state: 'DEAD' });
    expect(applyNext(s, { type: 'RemoveNode', nodeId: 4 }).ok).toBe(true);
    expect(s.node(4)).toBeUndefined();
    applyNext(s, {
      type: 'SetShardReplicas',
      streamName: 's',
      shardId: 'shardId-000000000000',
      replicas: [2, 3],
    });
    expect(applyNext(s, { type: 'RemoveNode', nodeId: 1 }).ok).toBe(true);
    expectRefused(s, { type: 'RemoveNode', nodeId: 1 }, 'ResourceNotFound');
  });
});

describe('CreateStream', () => {
  it('creates shards with ids, group ids from 2, even hash ranges, founders and an arn', () => {
    const s = stateOf([
      ...threeNodes,
      createCmd(
        'orders',
        [
          [3, 1, 2],
          [1, 2, 3],
          [2, 3, 1],
        ],
        { tags: { b: '2', a: '1' } },
      ),
    ]);
    const stream = s.stream('orders')!;
    expect(stream).toMatchObject({
      name: 'orders',
      arn: `arn:rheo:kinesis:${clusterId}::stream/orders`,
      status: 'CREATING',
      retentionHours: 24,
      replicationFactor: 3,
      shardIds: ['shardId-000000000000', 'shardId-000000000001', 'shardId-000000000002'],
    });
    expect(Object.keys(stream.tags)).toEqual(['a', 'b']);
    expect(s.stream(stream.arn)).toBe(stream);
    const shards = s.shardsOf('orders');
    expect(shards.map((x) => x.groupId)).toEqual([2, 3, 4]);
    expect(shards.map((x) => x.hashRange)).toEqual(evenHashRanges(3));
    expect(shards[0]).toMatchObject({
      founders: [1, 2, 3],
      replicas: [1, 2, 3],
      sequenceBase: 2n,
      open: true,
    });
    // Every shard's base is its group id: unique, so a sequence number names its shard.
    expect(shards.map((x) => x.sequenceBase)).toEqual([2n, 3n, 4n]);
    expect(s.shardByGroup(3)?.shardId).toBe('shardId-000000000001');
    applyNext(s, createCmd('second', [[1, 2, 3]]));
    expect(s.shardsOf('second')[0]?.groupId).toBe(5);
  });

  it('refuses an existing name with Kinesis words', () => {
    const s = stateOf([...threeNodes, createCmd('orders', [[1, 2, 3]])]);
    expectRefused(
      s,
      createCmd('orders', [[1, 2, 3]]),
      'ResourceInUse',
      `Stream orders under account ${clusterId} already exists.`,
    );
  });

  it.each([
    ['empty name', { name: '' }, 'Validation', /streamName/],
    ['long name', { name: 'x'.repeat(129) }, 'Validation', /less than or equal to 128/],
    ['bad characters', { name: 'a/b' }, 'Validation', /\[a-zA-Z0-9_.-\]\+/],
    ['zero shards', { shardCount: 0, placement: [] }, 'Validation', /shardCount/],
    [
      'short retention',
      { retentionHours: 23 },
      'InvalidArgument',
      /Minimum allowed retention period is 24 hours/,
    ],
    [
      'long retention',
      { retentionHours: 8761 },
      'InvalidArgument',
      /Maximum allowed retention period is 8760 hours/,
    ],
    ['placement count', { shardCount: 2 }, 'InvalidArgument', /placement has 1 replica sets for 2 shards/],
    ['short set', { placement: [[1, 2]] }, 'InvalidArgument', /must name 3 nodes/],
    ['repeated node', { placement: [[1, 1, 2]] }, 'InvalidArgument', /twice/],
    ['unknown node', { placement: [[1, 2, 9]] }, 'InvalidArgument', /unknown node 9/],
    ['controller-only node', { placement: [[1, 2, 4]] }, 'InvalidArgument', /not a broker/],
    ['rf 0', { replicationFactor: 0, placement: [[]] }, 'InvalidArgument', /replication factor/],
    ['mode', { mode: 'FAST' }, 'InvalidArgument', /mode/],
    [
      '51 tags',
      { tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) },
      'InvalidArgument',
      /more than 50 tags/,
    ],
    ['long tag key', { tags: { ['k'.repeat(129)]: 'v' } }, 'Validation', /Map keys/],
    ['empty tag key', { tags: { '': 'v' } }, 'Validation', /Map keys/],
    ['long tag value', { tags: { k: 'v'.repeat(257) } }, 'Validation', /Map value/],
    ['tag character', { tags: { 'a*b': 'v' } }, 'InvalidArgument', /^Some tags contain invalid characters/],
    [
      '% in a tag',
      { tags: { k: '50%' } },
      'InvalidArgument',
      /^Failed to add tags to stream orders under account test-cluster because some tags contained illegal characters/,
    ],
  ] as const)('refuses %s', (_what, extra, reason, message) => {
    const s = stateOf([...threeNodes, registerCmd(4, { roles: ['controller'] })]);
    expectRefused(s, createCmd('orders', [[1, 2, 3]], extra as Partial<MetaCommand>), reason, message);
  });

  it('accepts the limits themselves', () => {
    const s = stateOf(threeNodes);
    const tags = Object.fromEntries(
      Array.from({ length: 50 }, (_, i) => [`${'k'.repeat(120)}${i}`, 'v'.repeat(256)]),
    );
    expect(
      applyNext(
        s,
        createCmd('a'.repeat(128), [[1, 2, 3]], { retentionHours: 8760, tags } as Partial<MetaCommand>),
      ).ok,
    ).toBe(true);
    expect(
      applyNext(
        s,
        createCmd('A-z_0.9', [[1]], { retentionHours: 24, tags: { k: '' } } as Partial<MetaCommand>),
      ).ok,
    ).toBe(true);
  });
});

describe('DeleteStream, ForgetStream and SetStreamStatus', () => {
  it('moves to DELETING, then forgets the stream and its shards', () => {
    const s = stateOf([
      ...threeNodes,
      createCmd('s', [
        [1, 2, 3],
        [1, 2, 3],
      ]),
    ]);
    expectRefused(s, { type: 'ForgetStream', name: 's' }, 'ResourceInUse', /not DELETING/);
    expect(applyNext(s, { type: 'DeleteStream', name: 's' }).ok).toBe(true);
    expect(s.stream('s')?.status).toBe('DELETING');
    expect(applyNext(s, { type: 'DeleteStream', name: 's' }).ok).toBe(true);
    expectRefused(s, { type: 'SetStreamStatus', name: 's', status: 'ACTIVE' }, 'ResourceInUse');
    expect(applyNext(s, { type: 'ForgetStream', name: 's' }).ok).toBe(true);
    expect(s.stream('s')).toBeUndefined();
    expect(s.allShards()).toEqual([]);
    // A re-created stream of the same name takes new groups (its replicas never reuse old data).
    applyNext(s, createCmd('s', [[1, 2, 3]]));
    expect(s.shardsOf('s')[0]?.groupId).toBe(4);
  });

  it('refuses unknown streams with Kinesis words', () => {
    const s = stateOf(threeNodes);
    const notFound = `Stream nope under account ${clusterId} not found.`;
    for (const cmd of [
      { type: 'DeleteStream', name: 'nope' },
      { type: 'ForgetStream', name: 'nope' },
      { type: 'SetStreamStatus', name: 'nope', status: 'ACTIVE' },
      { type: 'AddTags', name: 'nope', tags: {} },
      { type: 'RemoveTags', name: 'nope', keys: [] },
      { type: 'SetRetention', name: 'nope', hours: 48, direction: 'increase' },
      { type: 'SetShardReplicas', streamName: 'nope', shardId: 'shardId-000000000000', replicas: [1] },
    ] as MetaCommand[]) {
      expectRefused(s, cmd, 'ResourceNotFound', notFound);
    }
  });

  it('sets statuses other than DELETING', () => {
    const s = stateOf([...threeNodes, createCmd('s', [[1, 2, 3]])]);
    expect(applyNext(s, { type: 'SetStreamStatus', name: 's', status: 'ACTIVE' }).ok).toBe(true);
    expect(s.stream('s')?.status).toBe('ACTIVE');
    expectRefused(s, { type: 'SetStreamStatus', name: 's', status: 'DELETING' }, 'ResourceInUse');
    expectRefused(s, { type: 'SetStreamStatus', name: 's', status: 'GONE' as 'ACTIVE' }, 'InvalidArgument');
  });
});

describe('tags and retention', () => {
  const active = () =>
    stateOf([
      ...threeNodes,
      createCmd('s', [[1, 2, 3]]),
      { type: 'SetStreamStatus', name: 's', status: 'ACTIVE' },
    ]);

  it('adds, overwrites and removes tags, up to 50', () => {
    const s = active();
    applyNext(s, { type: 'AddTags', name: 's', tags: { z: '1', a: '2' } });
    applyNext(s, { type: 'AddTags', name: 's', tags: { a: '3' } });
    expect(s.stream('s')?.tags).toEqual({ a: '3', z: '1' });
    applyNext(s, { type: 'RemoveTags', name: 's', keys: ['z', 'missing'] });
    expect(s.stream('s')?.tags).toEqual({ a: '3' });
    const many = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`k${i}`, '']));
    expect(applyNext(s, { type: 'AddTags', name: 's', tags: many }).ok).toBe(true);
    expectRefused(
      s,
      { type: 'AddTags', name: 's', tags: { one: 'more' } },
      'InvalidArgument',
      /more than 50 tags/,
    );
    expect(applyNext(s, { type: 'AddTags', name: 's', tags: { a: 'overwrite is no new tag' } }).ok).toBe(
      true,
    );
    expectRefused(s, { type: 'AddTags', name: 's', tags: { ['k'.repeat(129)]: '' } }, 'Validation');
  });

  it('follows Kinesis direction rules for retention', () => {
    const s = active();
    expect(applyNext(s, { type: 'SetRetention', name: 's', hours: 48, direction: 'increase' }).ok).toBe(true);
    expect(s.stream('s')?.retentionHours).toBe(48);
    expectRefused(
      s,
      { type: 'SetRetention', name: 's', hours: 30, direction: 'increase' },
      'InvalidArgument',
      'Requested retention period (30 hours) for stream s can not be shorter than existing retention period (48 hours). Use DecreaseRetentionPeriod API.',
    );
    expectRefused(
      s,
      { type: 'SetRetention', name: 's', hours: 60, direction: 'decrease' },
      'InvalidArgument',
      'Requested retention period (60 hours) for stream s can not be longer than existing retention period (48 hours). Use IncreaseRetentionPeriod API.',
    );
    expectRefused(
      s,
      { type: 'SetRetention', name: 's', hours: 8761, direction: 'increase' },
      'InvalidArgument',
      /too long/,
    );
    expectRefused(
      s,
      { type: 'SetRetention', name: 's', hours: 23, direction: 'decrease' },
      'InvalidArgument',
      /too short/,
    );
    expect(applyNext(s, { type: 'SetRetention', name: 's', hours: 48, direction: 'decrease' }).ok).toBe(true);
    expect(applyNext(s, { type: 'SetRetention', name: 's', hours: 24, direction: 'decrease' }).ok).toBe(true);
  });

  it('refuses retention changes unless ACTIVE and tag changes while DELETING', () => {
    const s = stateOf([...threeNodes, createCmd('s', [[1, 2, 3]])]);
    expectRefused(
      s,
      { type: 'SetRetention', name: 's', hours: 48, direction: 'increase' },
      'ResourceInUse',
      /not ACTIVE, instead in state CREATING/,
    );
    applyNext(s, { type: 'DeleteStream', name: 's' });
    expectRefused(s, { type: 'AddTags', name: 's', tags: { a: '1' } }, 'ResourceInUse', /DELETING/);
  });
});

describe('SetShardReplicas and ReportLeaders', () => {
  it('sets sorted replicas of distinct known brokers, keeping the founders', () => {
    const s = stateOf([...threeNodes, registerCmd(4), createCmd('s', [[1, 2, 3]])]);
    const shardId = 'shardId-000000000000';
    expect(applyNext(s, { type: 'SetShardReplicas', streamName: 's', shardId, replicas: [4, 2, 3] }).ok).toBe(
      true,
    );
    expect(s.shard('s', shardId)).toMatchObject({ replicas: [2, 3, 4], founders: [1, 2, 3] });
    expectRefused(
      s,
      { type: 'SetShardReplicas', streamName: 's', shardId: 'shardId-000000000009', replicas: [1] },
      'ResourceNotFound',
    );
    expectRefused(s, { type: 'SetShardReplicas', streamName: 's', shardId, replicas: [] }, 'InvalidArgument');
    expectRefused(
      s,
      { type: 'SetShardReplicas', streamName: 's', shardId, replicas: [1, 1] },
      'InvalidArgument',
    );
    expectRefused(
      s,
      { type: 'SetShardReplicas', streamName: 's', shardId, replicas: [1, 7] },
      'InvalidArgument',
    );
  });

  it('keeps the higher term and ignores unknown groups', () => {
    const s = stateOf([...threeNodes, createCmd('s', [[1, 2, 3]])]);
    expect(
      applyNext(s, {
        type: 'ReportLeaders',
        leaders: [
          { groupId: 2, nodeId: 1, term: 3 },
          { groupId: 99, nodeId: 1, term: 1 },
        ],
      }),
    ).toEqual({
      ok: true,
      value: 1,
    });
    applyNext(s, { type: 'ReportLeaders', leaders: [{ groupId: 2, nodeId: 2, term: 2 }] });
    applyNext(s, { type: 'ReportLeaders', leaders: [{ groupId: 2, nodeId: 3, term: 3 }] });
    expect(s.shardByGroup(2)?.leader).toEqual({ nodeId: 1, term: 3 });
    applyNext(s, { type: 'ReportLeaders', leaders: [{ groupId: 2, nodeId: 2, term: 4 }] });
    expect(s.shardByGroup(2)?.leader).toEqual({ nodeId: 2, term: 4 });
    expectRefused(
      s,
      { type: 'ReportLeaders', leaders: [{ groupId: 2, nodeId: 0, term: 9 }] },
      'InvalidArgument',
    );
  });
});

// The snapshot's JSON, loosely typed for mutation.
// biome-ignore lint/suspicious/noExplicitAny: a test edits arbitrary fields of parsed JSON.
type SnapshotJson = any;

describe('apply and codecs', () => {
  it('never throws on a malformed in-memory command, and asserts index order', () => {
    const s = stateOf(threeNodes);
    expectRefused(s, { type: 'CreateStream', name: 'x' } as unknown as MetaCommand, 'Validation');
    expectRefused(
      s,
      {
        type: 'CreateStream',
        name: 'x',
        shardCount: 1,
        retentionHours: 24,
        mode: 'PROVISIONED',
      } as unknown as MetaCommand,
      'InvalidArgument',
    );
    expectRefused(s, { type: 'Explode' } as unknown as MetaCommand, 'InvalidArgument');
    expect(() => s.apply(registerCmd(5), s.appliedIndex)).toThrow(/not above the applied index/);
  });

  it('round-trips commands and refuses bad bytes as Corrupt', () => {
    const cmd = createCmd('s', [[1, 2, 3]], { tags: { a: 'b' } } as Partial<MetaCommand>);
    expect(decodeMetaCommand(encodeMetaCommand(cmd))).toEqual(cmd);
    for (const bad of [
      '',
      '{',
      '[]',
      '{"type":"toString"}',
      '{"type":"RemoveNode","nodeId":"1"}',
      '{"type":"SetNodeState","nodeId":1,"state":"X"}',
    ]) {
      expect(() => decodeMetaCommand(new TextEncoder().encode(bad))).toThrow(RheoError);
    }
    expect(() => decodeMetaCommand(new Uint8Array([0xff, 0xfe]))).toThrow(/UTF-8/);
  });

  it('round-trips a snapshot and refuses a bad one as Corrupt', () => {
    const s = stateOf([
      ...threeNodes,
      createCmd('s', [[1, 2, 3]]),
      { type: 'ReportLeaders', leaders: [{ groupId: 2, nodeId: 1, term: 3 }] },
    ]);
    const copy = MetaState.decode(s.encode());
    expect(copy.encode()).toEqual(s.encode());
    expect(copy.shardByGroup(2)).toEqual(s.shardByGroup(2));
    expect(copy.appliedIndex).toBe(s.appliedIndex);
    const json = JSON.parse(new TextDecoder().decode(s.encode()));
    for (const mutate of [
      (j: SnapshotJson) => {
        j.version = 2;
      },
      (j: SnapshotJson) => {
        j.shards[0].sequenceBase = '-1';
      },
      (j: SnapshotJson) => {
        j.streams[0].shardIds.push('shardId-000000000009');
      },
      (j: SnapshotJson) => {
        j.nodes.push(j.nodes[0]);
      },
      (j: SnapshotJson) => {
        j.shards[0].hashRange.end = (2n ** 128n).toString();
      },
    ]) {
      const j = structuredClone(json);
      mutate(j);
      const bytes = new TextEncoder().encode(JSON.stringify(j));
      expect(() => MetaState.decode(bytes)).toThrow(expect.objectContaining({ code: 'Corrupt' }));
    }
  });
});
