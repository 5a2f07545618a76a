// Proves a broker-only node (no metadata replica) in cluster mode: it
// answers the admin reads and the shard map from its mirror of the
// metadata (fetched by its broker agent when the epoch moves), forwards
// mutations to the active controller it learned from heartbeat answers,
// and hosts shard replicas the controller places on it.
import type { pb } from '@rheo/wire';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ClusterHarness, call, startClusterHarness, waitFor } from './cluster-harness.js';
import { rpc } from './grpc-test-client.js';

let cluster: ClusterHarness;

beforeAll(async () => {
  cluster = await startClusterHarness({ nodes: 2, controllers: 1 });
}, 30_000);
afterAll(() => cluster?.stop());

describe('a broker-only node', () => {
  test('mirrors the metadata, forwards mutations, and hosts replicas', async () => {
    const broker = cluster.node(2);
    expect(broker.cluster?.meta).toBeUndefined();
    const c = cluster.client(2);
    await waitFor('the controller named to the broker', () =>
      broker.cluster?.mirror.controllerNodeId() === 1 ? true : undefined,
    );
    await waitFor('CreateStream forwarded from the broker', () =>
      call(c.admin, 'CreateStream', { streamName: 'mirrored', shardCount: 2, replicationFactor: 2 }).then(
        () => true,
      ),
    );
    const summary = await waitFor('mirrored ACTIVE in the mirror', async () => {
      const s = await call<pb.DescribeStreamSummaryResponse__Output>(c.admin, 'DescribeStreamSummary', {
        streamName: 'mirrored',
      });
      return s.streamDescriptionSummary?.streamStatus === 'STREAM_STATUS_ACTIVE' ? s : undefined;
    });
    expect(summary.streamDescriptionSummary?.openShardCount).toBe(2);
    const map = await waitFor('the shard map from the broker', async () => {
      const m = await rpc.getShardMap(c, { streamNames: ['mirrored'] });
      return m.streams[0]?.shards.every((s) => s.leaderNodeId > 0) ? m : undefined;
    });
    expect(map.streams[0]!.shards.map((s) => s.replicaNodeIds)).toEqual([
      [1, 2],
      [1, 2],
    ]);
    expect(map.nodes.map((n) => n.nodeId)).toEqual([1, 2]);
    expect([...broker.host.replicas()].map((r) => r.spec.streamName)).toEqual(['mirrored', 'mirrored']);
    const d = await rpc.describeCluster(c);
    expect({
      controller: d.controllerNodeId,
      nodes: d.nodes.map((n) => n.nodeId),
      replicas: d.nodes.map((n) => n.replicaCount),
      underReplicated: d.underReplicatedShardCount,
      leaderless: d.leaderlessShardCount,
    }).toEqual({ controller: 1, nodes: [1, 2], replicas: [2, 2], underReplicated: 0, leaderless: 0 });
  });
});
