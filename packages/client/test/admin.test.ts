// What is proven: the SDK's admin side. StreamAdmin follows Kinesis's paging
// to the end (ListStreams by NextToken, or by the last name from a server
// without tokens; DescribeStream by the last shard id; ListShards by token
// with every other field left empty; tags by the last key), maps the
// contract's enums to Kinesis spellings, waits for a deletion to finish;
// ClusterAdmin describes and operates nodes; and every admin call retries
// on retryable reasons only (moving across seeds), repeats reads after
// OutcomeUnknown but never a create or a node removal. How: scripted admin
// nodes (fake-admin.ts) on 127.0.0.1 with per-call faults.
import { afterEach, describe, expect, it } from 'vitest';
import { RheoClient, RheoError } from '../src/index.js';
import { collectPages, followPages } from '../src/paging.js';
import { FakeAdmin } from './fake-admin.js';

let fake: FakeAdmin | undefined;
let client: RheoClient | undefined;

afterEach(() => {
  client?.close();
  fake?.stop();
});

async function start(nodes = 2): Promise<{ fake: FakeAdmin; client: RheoClient }> {
  fake = await FakeAdmin.start(nodes);
  client = new RheoClient({
    endpoints: fake.addresses,
    retry: { backoffBaseMs: 1, backoffMaxMs: 2, attemptsMax: 6 },
  });
  return { fake, client };
}

const methods = (f: FakeAdmin) => f.calls.map((c) => c.method);

describe('StreamAdmin paging', () => {
  it('creates with mode, tags and counts, and lists every stream across token pages', async () => {
    const { fake, client } = await start();
    for (const name of ['e', 'a', 'd', 'c']) fake.addStream(name, 1);
    await client.admin.createStream('b', {
      shardCount: 3,
      replicationFactor: 2,
      retentionPeriodHours: 48,
      mode: 'PROVISIONED',
      tags: { team: 'x' },
    });
    const create = fake.calls[0]!.request as Record<string, unknown>;
    expect(create).toMatchObject({
      streamName: 'b',
      shardCount: 3,
      replicationFactor: 2,
      retentionPeriodHours: 48,
      streamModeDetails: { streamMode: 'STREAM_MODE_PROVISIONED' },
      tags: { team: 'x' },
    });
    const streams = await client.admin.listStreams();
    expect(streams.map((s) => s.streamName)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(streams[0]).toMatchObject({ streamStatus: 'ACTIVE', streamMode: 'PROVISIONED' });
    const pages = fake.calls.filter((c) => c.method === 'ListStreams').map((c) => c.request);
    expect(pages).toHaveLength(3);
    expect(pages[1]).toMatchObject({ nextToken: 'tok:b', exclusiveStartStreamName: '' });
  });

  it('pages ListStreams by the last name when the server gives no token', async () => {
    const { fake, client } = await start();
    fake.noNextToken = true;
    for (const name of ['a', 'b', 'c']) fake.addStream(name, 1);
    expect((await client.admin.listStreams()).map((s) => s.streamName)).toEqual(['a', 'b', 'c']);
    const pages = fake.calls.map((c) => c.request as { exclusiveStartStreamName: string });
    expect(pages.map((p) => p.exclusiveStartStreamName)).toEqual(['', 'b']);
  });

  it('describes a stream with every shard, following has_more_shards', async () => {
    const { fake, client } = await start();
    fake.addStream('s', 5);
    const page = await client.admin.describeStreamPage('s');
    expect(page.shards.map((s) => s.shardId)).toEqual(['shardId-000000000000', 'shardId-000000000001']);
    expect(page.hasMoreShards).toBe(true);
    const full = await client.admin.describeStream('s');
    expect(full.shards.map((s) => s.shardId.slice(-1))).toEqual(['0', '1', '2', '3', '4']);
    expect(full).toMatchObject({ streamName: 's', hasMoreShards: false, streamStatus: 'ACTIVE' });
    expect(full.shards[0]).toMatchObject({
      parentShardId: undefined,
      startingHashKey: '0',
      endingHashKey: '9',
      endingSequenceNumber: undefined,
    });
    const starts = fake.calls
      .slice(1)
      .map((c) => (c.request as { exclusiveStartShardId: string }).exclusiveStartShardId);
    expect(starts).toEqual(['', 'shardId-000000000001', 'shardId-000000000003']);
  });

  it('lists shards by token (nothing else beside a token) and passes the filter', async () => {
    const { fake, client } = await start();
    fake.addStream('s', 5);
    expect((await client.admin.listShards('s')).map((s) => s.shardId.slice(-1))).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
    ]);
    expect(fake.calls).toHaveLength(3);
    const filtered = await client.admin.listShards('s', {
      shardFilter: { type: 'AFTER_SHARD_ID', shardId: 'shardId-000000000002' },
      pageLimit: 10,
    });
    expect(filtered.map((s) => s.shardId.slice(-1))).toEqual(['3', '4']);
    expect(fake.calls.at(-1)!.request).toMatchObject({
      shardFilter: { type: 'SHARD_FILTER_TYPE_AFTER_SHARD_ID', shardId: 'shardId-000000000002' },
    });
  });

  it('adds, lists (paged by key) and removes tags', async () => {
    const { fake, client } = await start();
    fake.addStream('s', 1);
    await client.admin.addTagsToStream('s', { c: '3', a: '1', b: '2' });
    expect(await client.admin.listTagsForStream('s')).toEqual({ a: '1', b: '2', c: '3' });
    await client.admin.removeTagsFromStream('s', ['b', 'zz']);
    expect(await client.admin.listTagsForStream('s')).toEqual({ a: '1', c: '3' });
  });

  it('describes a summary, deletes and waits until the stream is gone', async () => {
    const { fake, client } = await start();
    fake.addStream('s', 2);
    expect(await client.admin.describeStreamSummary('s')).toMatchObject({
      streamName: 's',
      openShardCount: 2,
      replicationFactor: 3,
      retentionPeriodHours: 24,
      streamStatus: 'ACTIVE',
    });
    await client.admin.deleteStream('s', { enforceConsumerDeletion: true });
    expect(fake.calls.at(-1)!.request).toMatchObject({ enforceConsumerDeletion: true });
    await client.admin.waitForDeleted('s', 5_000);
    expect(fake.streams.has('s')).toBe(false);
    await expect(client.admin.describeStreamSummary('s')).rejects.toMatchObject({ code: 'ResourceNotFound' });
  });

  it('refuses a server that hands back the cursor it was given', async () => {
    const pages = followPages<number, string>(
      'Loop',
      async () => 1,
      () => 'same',
    );
    await expect(collectPages(pages, (n) => [n])).rejects.toThrow(/same page cursor twice/);
  });
});

describe('admin retries', () => {
  it('retries retryable reasons across the seeds, then answers', async () => {
    const { fake, client } = await start(2);
    fake.addStream('s', 1);
    let failures = 3;
    fake.script = () => (failures-- > 0 ? new RheoError('Unavailable', 'electing') : undefined);
    expect((await client.admin.listStreams()).map((s) => s.streamName)).toEqual(['s']);
    expect(fake.calls).toHaveLength(4);
    expect(new Set(fake.calls.map((c) => c.node))).toEqual(new Set([0, 1]));
  });

  it('throws a non-retryable reason at once', async () => {
    const { fake, client } = await start(2);
    fake.script = () => new RheoError('InvalidArgument', 'bad name', { field: 'stream_name' });
    await expect(client.admin.createStream('x', { shardCount: 1 })).rejects.toMatchObject({
      code: 'InvalidArgument',
      field: 'stream_name',
    });
    expect(fake.calls).toHaveLength(1);
  });

  it('repeats a read after OutcomeUnknown, never a create', async () => {
    const { fake, client } = await start(1);
    fake.addStream('s', 1);
    let once = true;
    fake.script = (call) => {
      if (!once) return undefined;
      once = false;
      return new RheoError('OutcomeUnknown', `${call.method} lost its answer`);
    };
    expect(await client.admin.listStreams()).toHaveLength(1);
    expect(methods(fake)).toEqual(['ListStreams', 'ListStreams']);
    once = true;
    await expect(client.admin.createStream('t', { shardCount: 1 })).rejects.toMatchObject({
      code: 'OutcomeUnknown',
    });
    expect(methods(fake).filter((m) => m === 'CreateStream')).toHaveLength(1);
  });

  it('gives up after the policy attempts', async () => {
    const { fake, client } = await start(1);
    fake.script = () => new RheoError('Unavailable', 'no controller');
    await expect(client.admin.listStreams()).rejects.toMatchObject({ code: 'Unavailable' });
    expect(fake.calls).toHaveLength(6);
  });
});

describe('ClusterAdmin', () => {
  it('describes the cluster with Kinesis-style enum names', async () => {
    const { client } = await start(3);
    const cluster = await client.clusterAdmin.describeCluster();
    expect(cluster).toMatchObject({
      clusterId: 'test',
      controllerNodeId: 1,
      underReplicatedShardCount: 1,
      epoch: 42,
    });
    expect(cluster.nodes.map((n) => n.nodeId)).toEqual([1, 2, 3]);
    expect(cluster.nodes[0]).toMatchObject({
      roles: ['BROKER', 'CONTROLLER'],
      state: 'ALIVE',
      rack: 'a',
      leaderCount: 3,
      gatewayAddress: undefined,
    });
  });

  it('drains and undrains; a refused removal is thrown once', async () => {
    const { fake, client } = await start(2);
    await client.clusterAdmin.drainNode(2);
    expect((await client.clusterAdmin.describeCluster()).nodes[1]!.state).toBe('DRAINING');
    await client.clusterAdmin.undrainNode(2);
    expect((await client.clusterAdmin.describeCluster()).nodes[1]!.state).toBe('ALIVE');
    await expect(client.clusterAdmin.removeNode(2)).rejects.toMatchObject({ code: 'ResourceInUse' });
    expect(methods(fake).filter((m) => m === 'RemoveNode')).toHaveLength(1);
  });
});
