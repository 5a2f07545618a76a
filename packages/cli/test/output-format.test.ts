// What is proven: what the client commands print for people — aligned
// tables (numbers right-aligned, the last column not padded), the cluster
// status with its controller mark and health counts, stream lists and
// descriptions with lineage, leaders and replicas, put and tail lines (UTF-8
// or base64) — and that --json values survive JSON.parse (bigints as
// strings). How: the pure formatters on fixed inputs, compared with the
// exact text expected.
import type { ClusterDescription, StreamDescriptionSummary } from '@rheo/client';
import { describe, expect, it } from 'vitest';
import {
  clusterStatusText,
  isoTime,
  type ShardRow,
  streamDescriptionText,
  streamListText,
  tailLineJson,
  tailLineText,
} from '../src/output/format.js';
import { toJson } from '../src/output/json.js';
import { formatTable } from '../src/output/table.js';

describe('formatTable', () => {
  it('aligns columns by the widest cell, numbers to the right', () => {
    const text = formatTable(
      [
        { header: 'NAME', value: (r: { n: string; c: number }) => r.n },
        { header: 'N', value: (r) => r.c, right: true },
        { header: 'LAST', value: (r) => r.n.toUpperCase() },
      ],
      [
        { n: 'short', c: 7 },
        { n: 'a-much-longer-name', c: 12345 },
        { n: 'ünï', c: 0 },
      ],
    );
    expect(text.split('\n')).toEqual([
      'NAME                    N  LAST',
      'short                   7  SHORT',
      'a-much-longer-name  12345  A-MUCH-LONGER-NAME',
      'ünï                     0  ÜNÏ',
    ]);
  });
});

const cluster: ClusterDescription = {
  clusterId: 'rheo',
  controllerNodeId: 2,
  epoch: 17,
  underReplicatedShardCount: 3,
  leaderlessShardCount: 1,
  nodes: [
    {
      nodeId: 1,
      address: '127.0.0.1:7701',
      gatewayAddress: undefined,
      roles: ['BROKER', 'CONTROLLER'],
      rack: '',
      state: 'ALIVE',
      replicaCount: 12,
      leaderCount: 4,
      lastHeartbeatMs: 1,
    },
    {
      nodeId: 2,
      address: '127.0.0.1:7702',
      gatewayAddress: undefined,
      roles: ['BROKER', 'CONTROLLER'],
      rack: 'zone-b',
      state: 'DRAINING',
      replicaCount: 3,
      leaderCount: 0,
      lastHeartbeatMs: 1,
    },
    {
      nodeId: 10,
      address: '127.0.0.1:7710',
      gatewayAddress: undefined,
      roles: ['BROKER'],
      rack: 'zone-c',
      state: 'DEAD',
      replicaCount: 0,
      leaderCount: 0,
      lastHeartbeatMs: 0,
    },
  ],
};

describe('cluster status', () => {
  it('prints one row per node, the controller marked, then the shard health counts', () => {
    expect(clusterStatusText(cluster)).toBe(
      [
        'cluster rheo, epoch 17, active controller: node 2 (marked *)',
        '',
        'NODE  ADDRESS           ROLES              RACK    STATE     REPLICAS  LEADERS',
        '   1  127.0.0.1:7701    broker,controller  -       ALIVE           12        4',
        '   2  127.0.0.1:7702 *  broker,controller  zone-b  DRAINING         3        0',
        '  10  127.0.0.1:7710    broker             zone-c  DEAD             0        0',
        '',
        'under-replicated shards: 3',
        'leaderless shards:       1',
      ].join('\n'),
    );
    expect(clusterStatusText({ ...cluster, controllerNodeId: 0 })).toMatch(/active controller: none known/);
  });

  it('--json is the SDK object, parseable', () => {
    expect(JSON.parse(toJson(cluster))).toEqual(JSON.parse(JSON.stringify(cluster)));
    expect(JSON.parse(toJson({ big: 2n ** 100n }))).toEqual({ big: '1267650600228229401496703205376' });
  });
});

describe('streams', () => {
  it('lists streams, or says how to create one', () => {
    expect(streamListText([])).toMatch(/no streams/);
    expect(
      streamListText([
        {
          streamName: 'demo',
          streamArn: 'arn',
          streamStatus: 'ACTIVE',
          streamMode: 'PROVISIONED',
          streamCreationTimestampMs: Date.UTC(2026, 10, 30, 9, 0, 5, 250),
        },
        {
          streamName: 'orders-eu',
          streamArn: 'arn2',
          streamStatus: 'CREATING',
          streamMode: 'ON_DEMAND',
          streamCreationTimestampMs: 0,
        },
      ]).split('\n'),
    ).toEqual([
      'STREAM     STATUS    MODE         CREATED',
      'demo       ACTIVE    PROVISIONED  2026-11-30T09:00:05Z',
      'orders-eu  CREATING  ON_DEMAND    -',
    ]);
    expect(isoTime(0)).toBe('-');
  });

  it('describes a stream: summary lines, then shards with lineage, leader and replicas', () => {
    const summary: StreamDescriptionSummary = {
      streamName: 'demo',
      streamArn: 'arn:rheo:kinesis:rheo:stream/demo',
      streamStatus: 'ACTIVE',
      streamMode: 'PROVISIONED',
      streamCreationTimestampMs: 0,
      retentionPeriodHours: 24,
      openShardCount: 2,
      consumerCount: 0,
      replicationFactor: 3,
      encryptionType: 'NONE',
    };
    const shard = (id: string, extra: Partial<ShardRow>): ShardRow => ({
      shardId: id,
      parentShardId: undefined,
      adjacentParentShardId: undefined,
      startingHashKey: '0',
      endingHashKey: '9',
      startingSequenceNumber: '0',
      endingSequenceNumber: undefined,
      leaderNodeId: 0,
      replicas: [],
      ...extra,
    });
    const text = streamDescriptionText(summary, [
      shard('shardId-000000000000', {
        endingSequenceNumber: '99',
        leaderNodeId: 1,
        replicas: ['a:1', 'b:2'],
      }),
      shard('shardId-000000000001', { parentShardId: 'shardId-000000000000', leaderNodeId: 2 }),
      shard('shardId-000000000002', {
        parentShardId: 'shardId-000000000000',
        adjacentParentShardId: 'shardId-000000000001',
        startingHashKey: '10',
        endingHashKey: '340282366920938463463374607431768211455',
      }),
    ]);
    expect(text).toContain('shards      2 open, 1 closed');
    expect(text).toContain('replicas    3 per shard');
    expect(text.split('\n').slice(-4)).toEqual([
      'SHARD                 STATE   PARENT                                     LEADER  REPLICAS  HASH KEYS',
      'shardId-000000000000  closed  -                                               1  a:1,b:2   0..9',
      'shardId-000000000001  open    shardId-000000000000                            2  -         0..9',
      'shardId-000000000002  open    shardId-000000000000+shardId-000000000001       -  -         10..340282366920938463463374607431768211455',
    ]);
  });
});

describe('tail lines', () => {
  const record = {
    partitionKey: 'user-1',
    shardId: 'shardId-000000000003',
    sequenceNumber: '49600000000000000000000000000000000000000000000000000001',
    arrivalMs: 1_764_493_205_000,
    data: Buffer.from('héllo wörld'),
  };

  it('prints key, shard, sequence, then data as UTF-8 or base64', () => {
    expect(tailLineText(record, false)).toBe(
      'user-1  shardId-000000000003  49600000000000000000000000000000000000000000000000000001  héllo wörld',
    );
    expect(tailLineText(record, true)).toMatch(/ aMOpbGxvIHfDtnJsZA==$/);
  });

  it('--json: one object per record, data or dataBase64', () => {
    expect(JSON.parse(toJson(tailLineJson(record, false)))).toEqual({
      partitionKey: 'user-1',
      shardId: 'shardId-000000000003',
      sequenceNumber: record.sequenceNumber,
      arrivalMs: 1_764_493_205_000,
      data: 'héllo wörld',
    });
    expect(tailLineJson(record, true)).toMatchObject({ dataBase64: 'aMOpbGxvIHfDtnJsZA==' });
  });
});
