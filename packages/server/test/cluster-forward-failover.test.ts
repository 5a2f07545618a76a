// Proves forwarding across a controller failover from a broker-only node:
// three controller voters (both roles) and a broker-only node; the active
// controller's node stops; a CreateStream sent to the broker-only node
// (whose last heartbeat answer may still name the stopped controller)
// reaches the new controller (an unreachable voter is skipped, a NotLeader
// hint followed), and the broker's mirror shows the stream ACTIVE.
import type { pb } from '@rheo/wire';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ClusterHarness, call, startClusterHarness, waitFor } from './cluster-harness.js';
import { rpc } from './grpc-test-client.js';

let cluster: ClusterHarness;

beforeAll(async () => {
  cluster = await startClusterHarness({ nodes: 4, controllers: 3 });
}, 30_000);
afterAll(() => cluster?.stop());

test('a broker-only node forwards to the new controller after the old one stops', async () => {
  const broker = cluster.node(4);
  const old = await cluster.controller();
  await waitFor('every node registered', async () =>
    (await rpc.describeCluster(cluster.client(4))).nodes.length === 4 ? true : undefined,
  );
  expect(broker.cluster?.mirror.controllerNodeId()).toBe(old.nodeId);
  await cluster.stopNode(old.nodeId);
  const next = await cluster.controller();
  await waitFor('the stopped node SUSPECT', async () => {
    const d = await rpc.describeCluster(cluster.client(next.nodeId));
    return d.nodes.find((n) => n.nodeId === old.nodeId)?.state === 'NODE_STATE_SUSPECT' ? true : undefined;
  });
  await waitFor('CreateStream from the broker-only node accepted', () =>
    call(cluster.client(4).admin, 'CreateStream', {
      streamName: 'after',
      shardCount: 1,
      replicationFactor: 3,
    }).then(() => true),
  );
  await waitFor('after ACTIVE in the broker mirror', async () => {
    const s = await call<pb.DescribeStreamSummaryResponse__Output>(
      cluster.client(4).admin,
      'DescribeStreamSummary',
      {
        streamName: 'after',
      },
    );
    return s.streamDescriptionSummary?.streamStatus === 'STREAM_STATUS_ACTIVE' ? true : undefined;
  });
  const map = await rpc.getShardMap(cluster.client(4), { streamNames: ['after'] });
  expect(map.streams[0]!.shards[0]!.replicaNodeIds).not.toContain(old.nodeId);
  expect(broker.cluster?.mirror.controllerNodeId()).toBe(next.nodeId);
});
