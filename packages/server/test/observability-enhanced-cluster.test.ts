// Enable/DisableEnhancedMonitoring in cluster mode, cluster-wide: four
// in-process nodes (1-3 controller voters, 4 a broker only, which reads a
// mirror of the metadata). A call through a node that does not run the
// controller is forwarded; the answer is Kinesis's {current, desired};
// DescribeStreamSummary shows the metrics; every node's per-shard series
// follow the metadata (the leader of a written shard publishes
// rheo_shard_incoming_records_total for it; the mirror-only node publishes
// what it hosts too); disabling removes them everywhere; bad input is
// refused with its reason.
import * as grpc from '@grpc/grpc-js';
import type { pb } from '@rheo/wire';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ClusterHarness, call, startClusterHarness, waitFor } from './cluster-harness.js';
import { batchOf, expectFailure, type NodeClients, records, rpc } from './grpc-test-client.js';

let cluster: ClusterHarness;

beforeAll(async () => {
  cluster = await startClusterHarness({ nodes: 4, controllers: 3 });
}, 30_000);
afterAll(() => cluster?.stop());

const admin = <Res>(c: NodeClients, method: string, req: unknown) => call<Res>(c.admin, method, req);
const STREAM = 'watched';

describe('enhanced monitoring across the cluster', () => {
  test('enable through any node, every node follows; disable removes the series', async () => {
    const controller = await cluster.controller();
    const via = cluster.client((controller.nodeId % 3) + 1);
    await waitFor('every node registered', async () => {
      const d = await rpc.describeCluster(via);
      return d.nodes.length === 4 && d.nodes.every((x) => x.state === 'NODE_STATE_ALIVE') ? true : undefined;
    });
    await admin(via, 'CreateStream', { streamName: STREAM, shardCount: 2 });
    await waitFor(`${STREAM} ACTIVE`, async () => {
      const s = await admin<pb.DescribeStreamSummaryResponse__Output>(via, 'DescribeStreamSummary', {
        streamName: STREAM,
      });
      return s.streamDescriptionSummary?.streamStatus === 'STREAM_STATUS_ACTIVE' ? true : undefined;
    });

    const enabled = await admin<pb.EnhancedMonitoringResponse__Output>(via, 'EnableEnhancedMonitoring', {
      streamName: STREAM,
      shardLevelMetrics: [
        'SHARD_LEVEL_METRIC_INCOMING_RECORDS',
        'SHARD_LEVEL_METRIC_ITERATOR_AGE_MILLISECONDS',
      ],
    });
    expect(enabled).toMatchObject({
      streamName: STREAM,
      currentShardLevelMetrics: [],
      desiredShardLevelMetrics: [
        'SHARD_LEVEL_METRIC_INCOMING_RECORDS',
        'SHARD_LEVEL_METRIC_ITERATOR_AGE_MILLISECONDS',
      ],
    });
    expect(enabled.streamArn).toMatch(/stream\/watched$/);
    const again = await admin<pb.EnhancedMonitoringResponse__Output>(
      cluster.client(4),
      'EnableEnhancedMonitoring',
      { streamName: STREAM, shardLevelMetrics: ['SHARD_LEVEL_METRIC_INCOMING_BYTES'] },
    );
    expect(again.currentShardLevelMetrics).toEqual(enabled.desiredShardLevelMetrics);
    const wanted = ['IncomingBytes', 'IncomingRecords', 'IteratorAgeMilliseconds'];
    expect(again.desiredShardLevelMetrics).toEqual([
      'SHARD_LEVEL_METRIC_INCOMING_BYTES',
      'SHARD_LEVEL_METRIC_INCOMING_RECORDS',
      'SHARD_LEVEL_METRIC_ITERATOR_AGE_MILLISECONDS',
    ]);
    // The broker-only node answers from its mirror, which catches up within a heartbeat.
    const shown = await waitFor('DescribeStreamSummary showing the metrics', async () => {
      const s = await admin<pb.DescribeStreamSummaryResponse__Output>(
        cluster.client(4),
        'DescribeStreamSummary',
        { streamName: STREAM },
      );
      const em = s.streamDescriptionSummary?.enhancedMonitoring;
      return em?.[0]?.shardLevelMetrics.length === 3 ? em : undefined;
    });
    expect(shown).toEqual([{ shardLevelMetrics: again.desiredShardLevelMetrics }]);
    const described = await admin<pb.DescribeStreamResponse__Output>(cluster.client(4), 'DescribeStream', {
      streamName: STREAM,
    });
    expect(described.streamDescription?.enhancedMonitoring).toEqual(shown);

    // Every node, the broker-only one included, follows the metadata.
    for (const node of cluster.nodes)
      await waitFor(`node ${node.nodeId} following`, () =>
        JSON.stringify(node.observability.enhanced.get(STREAM)) === JSON.stringify(wanted) ? true : undefined,
      );

    // A written shard's leader publishes its per-shard series.
    const map = await waitFor('leaders', async () => {
      const m = await rpc.getShardMap(via, { streamNames: [STREAM] });
      const s = m.streams[0];
      return s?.shards.every((x) => x.leaderNodeId > 0) ? s : undefined;
    });
    const shard = map.shards[0]!;
    const recs = records('w', 7).map((r) => ({ ...r, explicitHashKey: shard.hashKeyRange!.startingHashKey }));
    const leader = await waitFor('a write', async () => {
      const m = await rpc.getShardMap(via, { streamNames: [STREAM] });
      const id = m.streams[0]!.shards.find((x) => x.shardId === shard.shardId)!.leaderNodeId;
      await rpc.putRecords(cluster.client(id), {
        streamName: STREAM,
        shardId: shard.shardId,
        recordBatch: batchOf(recs),
      });
      return id;
    });
    const series = `rheo_shard_incoming_records_total{stream="${STREAM}",shard="${shard.shardId}"}`;
    const text = await cluster.node(leader).observability.registry.metrics();
    expect(text).toContain(`${series} 7`);

    const disabled = await admin<pb.EnhancedMonitoringResponse__Output>(via, 'DisableEnhancedMonitoring', {
      streamArn: enabled.streamArn,
      shardLevelMetrics: ['SHARD_LEVEL_METRIC_ALL'],
    });
    expect(disabled.currentShardLevelMetrics).toEqual(again.desiredShardLevelMetrics);
    expect(disabled.desiredShardLevelMetrics).toEqual([]);
    for (const node of cluster.nodes)
      await waitFor(`node ${node.nodeId} off`, () =>
        node.observability.enhanced.get(STREAM).length === 0 ? true : undefined,
      );
    expect(await cluster.node(leader).observability.registry.metrics()).not.toContain(series);
  });

  test("the metadata group's Raft figures and timings sit with the shards'", async () => {
    const controller = await cluster.controller();
    const text = await controller.observability.registry.metrics();
    const meta = 'group="1",stream="",shard=""';
    expect(text).toContain(`rheo_raft_role{${meta},role="leader"} 1`);
    expect(text).toMatch(new RegExp(`rheo_raft_commit_index\\{${meta}\\} [1-9]`));
    // Every metadata change (CreateStream, the switches above) was one timed proposal.
    const commits = /rheo_raft_commit_duration_seconds_count\{stream=""\} (\d+)/.exec(text);
    expect(Number(commits?.[1])).toBeGreaterThanOrEqual(3);
    expect(text).toMatch(/rheo_raft_append_duration_seconds_count\{stream="watched"\} [1-9]/);
    // rheo_raft_groups counts shard groups only.
    const groups = /rheo_raft_groups\{role="(?:leader|follower)"\} (\d+)/g;
    let shards = 0;
    for (const m of text.matchAll(groups)) shards += Number(m[1]);
    expect(shards).toBe([...controller.host.replicas()].length);
    // A broker-only node has no metadata group.
    expect(await cluster.node(4).observability.registry.metrics()).not.toContain(meta);
  });

  test('bad input: unknown stream, no metrics, the unspecified value', async () => {
    const c = cluster.client(2);
    await expectFailure(
      admin(c, 'EnableEnhancedMonitoring', {
        streamName: 'nope',
        shardLevelMetrics: ['SHARD_LEVEL_METRIC_ALL'],
      }),
      grpc.status.NOT_FOUND,
      'ResourceNotFound',
    );
    await expectFailure(
      admin(c, 'EnableEnhancedMonitoring', { streamName: STREAM, shardLevelMetrics: [] }),
      grpc.status.INVALID_ARGUMENT,
      'InvalidArgument',
      'shard_level_metrics',
    );
    await expectFailure(
      admin(c, 'DisableEnhancedMonitoring', {
        streamName: STREAM,
        shardLevelMetrics: ['SHARD_LEVEL_METRIC_UNSPECIFIED'],
      }),
      grpc.status.INVALID_ARGUMENT,
      'InvalidArgument',
      'shard_level_metrics',
    );
  });
});
