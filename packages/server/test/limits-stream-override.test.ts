// Proves a stream's own per-shard limits in cluster mode (one in-process
// node with both roles): CreateStream's shard_limits (a Rheo extension)
// lands in the metadata, DescribeStreamSummary shows the limits in force
// (the stream's overrides on the node's), the shard's leader enforces them,
// and a SetStreamLimits from the active controller reaches the leader with
// the next metadata epoch. Retention there follows the stream's
// retentionHours from the metadata (IncreaseStreamRetentionPeriod moves it).
import type { pb } from '@rheo/wire';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { RetentionTask } from '../src/node/retention-task.js';
import { type ClusterHarness, call, startClusterHarness, waitFor } from './cluster-harness.js';
import { batchOf, CallFailure, type NodeClients, records, rpc } from './grpc-test-client.js';

const S0 = 'shardId-000000000000';
let cluster: ClusterHarness;

beforeAll(async () => {
  cluster = await startClusterHarness({ nodes: 1 });
}, 30_000);
afterAll(() => cluster?.stop());

const admin = <Res>(c: NodeClients, method: string, req: unknown) => call<Res>(c.admin, method, req);
const put = (tag: string) =>
  rpc.putRecords(cluster.client(1), {
    streamName: 'capped',
    shardId: S0,
    recordBatch: batchOf(records(tag, 10)),
  });

test('CreateStream shard_limits: shown by DescribeStreamSummary, enforced, changed by SetStreamLimits', async () => {
  const c = cluster.client(1);
  await cluster.controller();
  // Right after a takeover the controller counts no live broker yet (LimitExceeded): retry.
  await waitFor('CreateStream', async () => {
    await admin(c, 'CreateStream', {
      streamName: 'capped',
      shardCount: 1,
      replicationFactor: 1,
      shardLimits: { writeRecordsPerSecond: 20 },
    });
    return true;
  });
  const summary = await waitFor('capped ACTIVE', async () => {
    const s = await admin<pb.DescribeStreamSummaryResponse__Output>(c, 'DescribeStreamSummary', {
      streamName: 'capped',
    });
    return s.streamDescriptionSummary?.streamStatus === 'STREAM_STATUS_ACTIVE' ? s : undefined;
  });
  // The harness raises the node's limits far up; the stream's own record limit is on top.
  expect(summary.streamDescriptionSummary?.shardLimits).toEqual({
    writeBytesPerSecond: 1024 ** 4,
    writeRecordsPerSecond: 20,
    readBytesPerSecond: 1024 ** 4,
    readCallsPerSecond: 2 ** 32 - 1,
  });
  await waitFor('a leader', () =>
    cluster.node(1).host.replicas().next().value?.status().serving ? true : undefined,
  );
  await put('a');
  await put('b');
  const refused = await put('c').catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(CallFailure);
  expect((refused as CallFailure).detail?.reason).toBe('ProvisionedThroughputExceeded');

  const controller = (await cluster.controller()).cluster!.runner!.controller!;
  await controller.setStreamLimits('capped', { writeRecordsPerS: 100_000 });
  await waitFor('the new limit at the leader', async () => {
    try {
      await put('d');
      return true;
    } catch {
      return undefined;
    }
  });
  for (let i = 0; i < 5; i++) await put(`e${i}`);
});

test("retention follows the stream's retentionHours from the metadata", async () => {
  const c = cluster.client(1);
  const node = cluster.node(1);
  expect(node.catalog.stream('capped')?.retentionHours).toBe(24);
  await admin(c, 'IncreaseStreamRetentionPeriod', { streamName: 'capped', retentionPeriodHours: 48 });
  await waitFor('48 h in the catalog', () =>
    node.catalog.stream('capped')?.retentionHours === 48 ? true : undefined,
  );
  const HOUR_MS = 3_600_000;
  const task = (offsetMs: number) =>
    new RetentionTask({
      replicas: () => node.host.replicas(),
      catalog: node.catalog,
      intervalMs: 60_000,
      nowMs: () => Date.now() + offsetMs,
    });
  // 30 h on, the records are within 48 h: nothing goes; 49 h on, they all do.
  expect(await task(30 * HOUR_MS).runPass()).toMatchObject({ checked: 1, trimmed: 0 });
  expect(await task(49 * HOUR_MS).runPass()).toMatchObject({ checked: 1, trimmed: 1 });
  const it = await rpc.getShardIterator(c, {
    streamName: 'capped',
    shardId: S0,
    shardIteratorType: 'SHARD_ITERATOR_TYPE_TRIM_HORIZON',
  });
  expect((await rpc.getRecords(c, { shardIterator: it.shardIterator })).recordCount).toBe(0);
});
