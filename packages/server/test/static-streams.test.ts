// Proves the static streams: the `streams` key in its three sources (YAML
// list, the flag's text form, the environment) yields the same streams;
// each bad value gets its exact message naming the key path and source;
// and every node derives the same shards from the same list: Kinesis shard
// ids, even hash ranges covering the key space, group ids that depend on
// the stream and shard alone (adding a stream renumbers nothing), base 0,
// the founding replicas, and a node's own shards.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '@rheo/testkit';
import { hashKeyMax } from '@rheo/wire';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ConfigError,
  kinesisShardId,
  loadConfig,
  StreamCatalog,
  shardGroupId,
  shardGroupIdMax,
  shardGroupIdMin,
} from '../src/index.js';

const env = { RHEO_NODE_ID: '1', RHEO_CLUSTER_SECRET: 's'.repeat(40), RHEO_ROLES: 'broker' };
const peers = ['--peers', '2@127.0.0.1:7402,3@127.0.0.1:7403'];

let dir: { path: string; remove: () => Promise<void> };
beforeAll(async () => {
  dir = await tempDir('streams');
});
afterAll(() => dir.remove());

function problems(argv: string[], extraEnv: Record<string, string> = {}): readonly string[] {
  try {
    loadConfig({ argv, env: { ...env, ...extraEnv } });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('the streams key', () => {
  test('YAML list, flag text and environment give the same streams', () => {
    const file = join(dir.path, 's.yaml');
    writeFileSync(
      file,
      'peers: [2@127.0.0.1:7402, 3@127.0.0.1:7403]\nstreams:\n  - { name: orders, shards: 4, replicas: [1, 2, 3] }\n  - { name: audit, shards: 1, replicas: [1] }\n',
    );
    const want = [
      { name: 'orders', shards: 4, replicas: [1, 2, 3] },
      { name: 'audit', shards: 1, replicas: [1] },
    ];
    expect(loadConfig({ argv: ['--config', file], env }).streams).toEqual(want);
    expect(loadConfig({ argv: [...peers, '--streams', 'orders:4:1,2,3; audit:1:1'], env }).streams).toEqual(
      want,
    );
    expect(
      loadConfig({ argv: peers, env: { ...env, RHEO_STREAMS: 'orders:4:1,2,3;audit:1:1' } }).streams,
    ).toEqual(want);
    expect(loadConfig({ argv: [], env }).streams).toEqual([]);
  });

  test.each([
    ['orders:0:1', 'streams[0].shards: expected an integer from 1 to 1024, got "0" (from --streams)'],
    ['orders:x:1', 'streams[0].shards: expected an integer from 1 to 1024, got "x" (from --streams)'],
    [
      'bad name!:1:1',
      'streams[0].name: expected a stream name of 1 to 128 letters, digits, "_", "." or "-", got "bad name!" (from --streams)',
    ],
    ['orders:1:', 'streams[0].replicas: expected a list of 1 to 7 node ids, got [] (from --streams)'],
    ['orders:1:0', 'streams[0].replicas[0]: expected a positive node id, got "0" (from --streams)'],
    [
      'orders',
      'streams: expected a list of streams, as name:shards:id,id,... separated by ";", got "orders" (from --streams)',
    ],
    ['orders:1:1;orders:2:1', 'streams: stream orders is listed twice (from --streams)'],
    ['orders:1:1,1', 'streams: stream orders lists a replica twice (from --streams)'],
    [
      'orders:1:1,4',
      'streams: stream orders: replica node 4 is neither this node (1) nor in peers or controller_voters (from --streams)',
    ],
  ])('--streams %s', (text, message) => {
    expect(problems([...peers, '--streams', text])).toEqual([message]);
  });
});

describe('StreamCatalog', () => {
  const streams = [
    { name: 'orders', shards: 3, replicas: [3, 1, 2] },
    { name: 'audit', shards: 1, replicas: [2] },
  ];
  const catalog = new StreamCatalog('prod', streams);

  test('Kinesis shard ids, even ranges over the whole key space, base 0, sorted founding replicas', () => {
    const orders = catalog.stream('orders')!;
    expect(orders.arn).toBe('arn:rheo:kinesis:prod::stream/orders');
    expect(catalog.streamByArn(orders.arn)).toBe(orders);
    expect(orders.shards.map((s) => s.spec.shardId)).toEqual([0, 1, 2].map(kinesisShardId));
    expect(kinesisShardId(7)).toBe('shardId-000000000007');
    const ranges = orders.shards.map((s) => s.spec.hashRange);
    expect(ranges[0]!.start).toBe(0n);
    expect(ranges[2]!.end).toBe(hashKeyMax);
    expect(ranges[1]!.start).toBe(ranges[0]!.end + 1n);
    expect(orders.routes.coversKeySpace()).toBe(true);
    for (const s of orders.shards) {
      expect(s.spec).toMatchObject({ sequenceBase: 0n, replicas: [1, 2, 3], streamName: 'orders' });
      expect(s.spec.groupName).toBe(`shard/orders/${s.spec.shardId}`);
      expect(catalog.shardOfGroup(s.spec.groupId)).toBe(s);
    }
  });

  test('group ids depend on the stream and shard alone, in [2, 2^31-1]', () => {
    const alone = new StreamCatalog('other-cluster', [
      streams[0]!,
      { name: 'zzz', shards: 9, replicas: [1] },
    ]);
    for (const s of catalog.stream('orders')!.shards) {
      expect(alone.shard('orders', s.spec.shardId)!.spec.groupId).toBe(s.spec.groupId);
      expect(s.spec.groupId).toBe(shardGroupId('orders', s.spec.shardId));
      expect(s.spec.groupId).toBeGreaterThanOrEqual(shardGroupIdMin);
      expect(s.spec.groupId).toBeLessThanOrEqual(shardGroupIdMax);
    }
  });

  test("a node's own shards", () => {
    expect(catalog.shardsOn(2).map((s) => s.spec.groupName)).toEqual([
      'shard/orders/shardId-000000000000',
      'shard/orders/shardId-000000000001',
      'shard/orders/shardId-000000000002',
      'shard/audit/shardId-000000000000',
    ]);
    expect(catalog.shardsOn(1)).toHaveLength(3);
    expect(catalog.shardsOn(9)).toEqual([]);
  });
});
