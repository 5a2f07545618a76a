// Proves cluster mode end to end on three in-process nodes with both roles:
// the metadata group elects a controller; a stream created through a node
// that may not run it (the call is forwarded) gets its shards placed, their
// replicas created by the broker agents, leaders elected and the stream
// ACTIVE; records written to each shard's leader are read back; the admin
// reads page as Kinesis's do (DescribeStream, ListShards with tokens and
// filters, ListStreams); bad input gets its precise reason; and a deleted
// stream disappears from the metadata and its groups' data from every
// store.
import * as grpc from '@grpc/grpc-js';
import { MetaState } from '@rheo/controller';
import { loadRheoProto, type pb } from '@rheo/wire';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ClusterHarness, call, startClusterHarness, waitFor } from './cluster-harness.js';
import { batchOf, delivered, expectFailure, type NodeClients, records, rpc } from './grpc-test-client.js';

let cluster: ClusterHarness;

beforeAll(async () => {
  cluster = await startClusterHarness({ nodes: 3, extraArgs: ['--shard-limit', '12'] });
}, 30_000);
afterAll(() => cluster?.stop());

const admin = <Res>(c: NodeClients, method: string, req: unknown) => call<Res>(c.admin, method, req);
const summary = (c: NodeClients, name: string) =>
  admin<pb.DescribeStreamSummaryResponse__Output>(c, 'DescribeStreamSummary', { streamName: name });

async function createActive(name: string, shardCount: number, via = 2): Promise<void> {
  await admin(cluster.client(via), 'CreateStream', { streamName: name, shardCount });
  await waitFor(`${name} ACTIVE`, async () => {
    const s = await summary(cluster.client(1), name);
    return s.streamDescriptionSummary?.streamStatus === 'STREAM_STATUS_ACTIVE' ? true : undefined;
  });
}

/** The shard map from `via`, once every shard of `name` names a leader. */
async function mapWithLeaders(name: string, via = 1): Promise<pb.StreamShardMap__Output> {
  return waitFor(`leaders of ${name}`, async () => {
    const map = await rpc.getShardMap(cluster.client(via), { streamNames: [name] });
    const s = map.streams[0];
    return s !== undefined && s.shards.length > 0 && s.shards.every((r) => r.leaderNodeId > 0)
      ? s
      : undefined;
  });
}

describe('cluster mode', () => {
  test('a controller is elected and every node names it', async () => {
    const controller = await cluster.controller();
    for (const c of cluster.clients) {
      const d = await waitFor('DescribeCluster naming the controller', async () => {
        const r = await rpc.describeCluster(c);
        return r.controllerNodeId === controller.nodeId && r.nodes.length === 3 ? r : undefined;
      });
      expect(d.nodes.map((n) => n.state)).toEqual([
        'NODE_STATE_ALIVE',
        'NODE_STATE_ALIVE',
        'NODE_STATE_ALIVE',
      ]);
      // Only the active controller hears heartbeats: it answers their times, the others 0.
      const mine = cluster.nodes[cluster.clients.indexOf(c)]!.nodeId === controller.nodeId;
      for (const n of d.nodes) {
        if (mine) expect(Math.abs(Number(n.lastHeartbeatMs) - Date.now())).toBeLessThan(60_000);
        else expect(Number(n.lastHeartbeatMs)).toBe(0);
      }
    }
  });

  test('ControllerHeartbeat: NotLeader with the controller off it; FetchMetadata from any controller node', async () => {
    const controller = await cluster.controller();
    const other = cluster.nodes.find((n) => n.nodeId !== controller.nodeId)!;
    const v1 = loadRheoProto().rheo.v1;
    const hb = new v1.ControllerHeartbeat(other.grpcAddress, grpc.credentials.createInsecure());
    try {
      // A voter learns the new leader with its first message: until then it names none.
      const refused = await waitFor('a refusal naming the controller', async () => {
        const f = await expectFailure(
          call(hb, 'RegisterNode', {
            clusterId: 'rheo',
            nodeId: 9,
            incarnation: 'x',
            address: '127.0.0.1:1',
          }),
          grpc.status.UNAVAILABLE,
          'NotLeader',
        );
        return f.detail?.leaderNodeId === 0 ? undefined : f;
      });
      expect(refused.detail).toMatchObject({
        leaderNodeId: controller.nodeId,
        leaderAddress: controller.advertisedAddress,
      });
      const full = await waitFor('metadata with every node registered', async () => {
        const r = await call<pb.FetchMetadataResponse__Output>(hb, 'FetchMetadata', { clusterId: 'rheo' });
        return MetaState.decode(r.state).nodes().length === 3 ? r : undefined;
      });
      expect(full.unchanged).toBe(false);
      expect(
        MetaState.decode(full.state)
          .nodes()
          .map((n) => n.id),
      ).toEqual([1, 2, 3]);
      const same = await call<pb.FetchMetadataResponse__Output>(hb, 'FetchMetadata', {
        clusterId: 'rheo',
        knownEpoch: full.epoch,
      });
      // Unchanged, with no state, unless a command was applied in between (leader reports land at any time).
      const moved = Number(same.epoch) > Number(full.epoch);
      expect({ unchanged: same.unchanged, hasState: same.state.length > 0 }).toEqual({
        unchanged: !moved,
        hasState: moved,
      });
      await expectFailure(
        call(hb, 'FetchMetadata', { clusterId: 'other' }),
        grpc.status.INVALID_ARGUMENT,
        'InvalidArgument',
        'cluster_id',
      );
    } finally {
      hb.close();
    }
  });

  test('CreateStream via any node, ACTIVE, then PutRecords and GetRecords per shard', async () => {
    const controller = await cluster.controller();
    const via = (controller.nodeId % 3) + 1; // not the controller: the call is forwarded
    const res = await admin<pb.CreateStreamResponse__Output>(cluster.client(via), 'CreateStream', {
      streamName: 'orders',
      shardCount: 4,
    });
    expect(res.streamArn).toMatch(/stream\/orders$/);
    await waitFor('orders ACTIVE', async () => {
      const s = await summary(cluster.client(via), 'orders');
      return s.streamDescriptionSummary?.streamStatus === 'STREAM_STATUS_ACTIVE' ? true : undefined;
    });
    const s = (await summary(cluster.client(3), 'orders')).streamDescriptionSummary!;
    expect({ open: s.openShardCount, rf: s.replicationFactor, hours: s.retentionPeriodHours }).toEqual({
      open: 4,
      rf: 3,
      hours: 24,
    });
    const map = await mapWithLeaders('orders');
    expect(map.shards).toHaveLength(4);
    for (const shard of map.shards) {
      expect(shard.replicaNodeIds).toEqual([1, 2, 3]);
      const key = shard.hashKeyRange!.startingHashKey;
      const recs = records(shard.shardId, 5).map((r) => ({ ...r, explicitHashKey: key }));
      // The controller may move leaders (balancing) meanwhile: a refused write goes to the new one.
      const put = await waitFor(`a write to ${shard.shardId}`, async () => {
        const m = await mapWithLeaders('orders');
        const now = m.shards.find((x) => x.shardId === shard.shardId)!;
        return rpc.putRecords(cluster.client(now.leaderNodeId), {
          streamName: 'orders',
          shardId: shard.shardId,
          recordBatch: batchOf(recs),
          producerId: 'cluster-test',
          producerEpoch: 1,
          batchSequence: 1,
        });
      });
      expect(put.recordCount).toBe(5);
      // Any replica serves TRIM_HORIZON and, with allow_follower_read, its applied records.
      const got = await waitFor(`the records of ${shard.shardId}`, async () => {
        const c = cluster.client(shard.replicaNodeIds[0]!);
        const it = await rpc.getShardIterator(c, {
          streamName: 'orders',
          shardId: shard.shardId,
          shardIteratorType: 'SHARD_ITERATOR_TYPE_TRIM_HORIZON',
        });
        const res = await rpc.getRecords(c, { shardIterator: it.shardIterator, allowFollowerRead: true });
        return res.recordCount === recs.length ? res : undefined;
      });
      expect(delivered(got).map((r) => r.data.trimEnd())).toEqual(recs.map((r) => r.data.toString()));
    }
  });

  test('DescribeStream, ListShards and ListStreams page as Kinesis does', async () => {
    const c = cluster.client(3);
    const page1 = await admin<pb.DescribeStreamResponse__Output>(c, 'DescribeStream', {
      streamName: 'orders',
      limit: 3,
    });
    const ids = page1.streamDescription!.shards.map((s) => s.shardId);
    expect(ids).toEqual(['shardId-000000000000', 'shardId-000000000001', 'shardId-000000000002']);
    expect(page1.streamDescription!.hasMoreShards).toBe(true);
    const page2 = await admin<pb.DescribeStreamResponse__Output>(c, 'DescribeStream', {
      streamName: 'orders',
      exclusiveStartShardId: ids[2],
    });
    expect(page2.streamDescription!.shards.map((s) => s.shardId)).toEqual(['shardId-000000000003']);
    expect(page2.streamDescription!.hasMoreShards).toBe(false);

    const l1 = await admin<pb.ListShardsResponse__Output>(c, 'ListShards', {
      streamName: 'orders',
      maxResults: 3,
    });
    expect(l1.shards).toHaveLength(3);
    expect(l1.nextToken).not.toBe('');
    const l2 = await admin<pb.ListShardsResponse__Output>(c, 'ListShards', { nextToken: l1.nextToken });
    expect(l2.shards.map((s) => s.shardId)).toEqual(['shardId-000000000003']);
    expect(l2.nextToken).toBe('');
    await expectFailure(
      admin(c, 'ListShards', { nextToken: l1.nextToken, streamName: 'orders' }),
      grpc.status.INVALID_ARGUMENT,
      'InvalidArgument',
      'stream_name',
    );
    const after = await admin<pb.ListShardsResponse__Output>(c, 'ListShards', {
      streamName: 'orders',
      shardFilter: { type: 'SHARD_FILTER_TYPE_AFTER_SHARD_ID', shardId: 'shardId-000000000001' },
    });
    expect(after.shards.map((s) => s.shardId)).toEqual(['shardId-000000000002', 'shardId-000000000003']);
    const latest = await admin<pb.ListShardsResponse__Output>(c, 'ListShards', {
      streamName: 'orders',
      shardFilter: { type: 'SHARD_FILTER_TYPE_AT_LATEST' },
    });
    expect(latest.shards).toHaveLength(4);
    await expectFailure(
      admin(c, 'ListShards', {
        streamName: 'orders',
        shardFilter: { type: 'SHARD_FILTER_TYPE_AT_TIMESTAMP' },
      }),
      grpc.status.INVALID_ARGUMENT,
      'InvalidArgument',
      'shard_filter.timestamp_ms',
    );

    await createActive('audit', 1);
    await createActive('billing', 1);
    const s1 = await admin<pb.ListStreamsResponse__Output>(c, 'ListStreams', { limit: 2 });
    expect(s1.streamNames).toEqual(['audit', 'billing']);
    expect(s1.hasMoreStreams).toBe(true);
    expect(s1.streamSummaries.map((s) => s.streamStatus)).toEqual([
      'STREAM_STATUS_ACTIVE',
      'STREAM_STATUS_ACTIVE',
    ]);
    const s2 = await admin<pb.ListStreamsResponse__Output>(c, 'ListStreams', { nextToken: s1.nextToken });
    expect(s2.streamNames).toEqual(['orders']);
    expect(s2.hasMoreStreams).toBe(false);
    const s3 = await admin<pb.ListStreamsResponse__Output>(c, 'ListStreams', {
      exclusiveStartStreamName: 'audit',
    });
    expect(s3.streamNames).toEqual(['billing', 'orders']);
  });

  test('bad input gets its precise reason', async () => {
    const c = cluster.client(2);
    await expectFailure(
      admin(c, 'CreateStream', { streamName: 'orders', shardCount: 1 }),
      grpc.status.FAILED_PRECONDITION,
      'ResourceInUse',
    );
    await expectFailure(
      admin(c, 'DeleteStream', { streamName: 'nope' }),
      grpc.status.NOT_FOUND,
      'ResourceNotFound',
    );
    await expectFailure(
      admin(c, 'CreateStream', { streamName: 'zero', shardCount: 0 }),
      grpc.status.INVALID_ARGUMENT,
      // Kinesis's ValidationException (a constraint on ShardCount), as the controller answers it.
      'Validation',
    );
    // 4 + 1 + 1 open shards exist; the limit is 12.
    await expectFailure(
      admin(c, 'CreateStream', { streamName: 'big', shardCount: 7 }),
      grpc.status.RESOURCE_EXHAUSTED,
      'LimitExceeded',
    );
    await expectFailure(
      admin(c, 'CreateStream', { streamName: 'wide', shardCount: 1, replicationFactor: 4 }),
      grpc.status.RESOURCE_EXHAUSTED,
      'LimitExceeded',
    );
    const names = await admin<pb.ListStreamsResponse__Output>(c, 'ListStreams', {});
    expect(names.streamNames).toEqual(['audit', 'billing', 'orders']);
  });

  test('tags, retention and limits: changes through any node, reads from every node', async () => {
    const arn = (await summary(cluster.client(1), 'audit')).streamDescriptionSummary!.streamArn;
    await admin(cluster.client(3), 'AddTagsToStream', {
      streamName: 'audit',
      tags: { team: 'a', env: 'dev' },
    });
    await admin(cluster.client(2), 'TagResource', { resourceArn: arn, tags: { owner: 'ops' } });
    await admin(cluster.client(1), 'RemoveTagsFromStream', { streamArn: arn, tagKeys: ['env'] });
    const tags = await waitFor('the tags on node 3', async () => {
      const t = await admin<pb.ListTagsForResourceResponse__Output>(
        cluster.client(3),
        'ListTagsForResource',
        {
          resourceArn: arn,
        },
      );
      return t.tags.length === 2 ? t : undefined;
    });
    expect(tags.tags).toEqual([
      { key: 'owner', value: 'ops' },
      { key: 'team', value: 'a' },
    ]);
    const page = await admin<pb.ListTagsForStreamResponse__Output>(cluster.client(3), 'ListTagsForStream', {
      streamName: 'audit',
      limit: 1,
    });
    expect({ keys: page.tags.map((t) => t.key), more: page.hasMoreTags }).toEqual({
      keys: ['owner'],
      more: true,
    });
    await admin(cluster.client(2), 'IncreaseStreamRetentionPeriod', {
      streamName: 'audit',
      retentionPeriodHours: 48,
    });
    await waitFor('retention 48 h on node 1', async () =>
      (await summary(cluster.client(1), 'audit')).streamDescriptionSummary?.retentionPeriodHours === 48
        ? true
        : undefined,
    );
    const refused = await expectFailure(
      admin(cluster.client(2), 'DecreaseStreamRetentionPeriod', {
        streamName: 'audit',
        retentionPeriodHours: 72,
      }),
      grpc.status.INVALID_ARGUMENT,
      'InvalidArgument',
    );
    expect(refused.details).toMatch(/72/);
    const limits = await admin<pb.DescribeLimitsResponse__Output>(cluster.client(3), 'DescribeLimits', {});
    expect({ limit: limits.shardLimit, open: limits.openShardCount }).toEqual({ limit: 12, open: 6 });
    await expectFailure(
      admin(cluster.client(3), 'TagResource', { resourceArn: `${arn}-nope`, tags: { a: 'b' } }),
      grpc.status.NOT_FOUND,
      'ResourceNotFound',
      'resource_arn',
    );
  });

  test('DeleteStream removes the stream and its groups from every store', async () => {
    const map = await mapWithLeaders('billing');
    const groupName = (n: number) => `shard/billing/${map.shards[0]!.shardId}/${n}`;
    const group = Number(map.shards[0]!.groupId);
    await waitFor('a replica of billing on every node', () =>
      cluster.nodes.every((n) => n.store.hasGroup(groupName(group))) ? true : undefined,
    );
    await admin(cluster.client(1), 'DeleteStream', { streamName: 'billing' });
    await waitFor('billing forgotten', async () => {
      const l = await admin<pb.ListStreamsResponse__Output>(cluster.client(3), 'ListStreams', {});
      return l.streamNames.includes('billing') ? undefined : true;
    });
    await expectFailure(
      admin(cluster.client(3), 'DescribeStreamSummary', { streamName: 'billing' }),
      grpc.status.NOT_FOUND,
      'ResourceNotFound',
    );
    await waitFor('billing data removed', () =>
      cluster.nodes.every((n) => !n.store.hasGroup(groupName(group)) && n.host.replica(group) === undefined)
        ? true
        : undefined,
    );
  });

  test('the active controller stops: another takes over; it rejoins on restart with its metadata', async () => {
    const old = await cluster.controller();
    const epochBefore = old.cluster!.meta!.state().appliedIndex;
    await cluster.stopNode(old.nodeId);
    const next = await cluster.controller();
    expect(next.nodeId).not.toBe(old.nodeId);
    const via = [1, 2, 3].find((id) => id !== old.nodeId && id !== next.nodeId)!;
    // Placement avoids the stopped node once the new controller has marked it SUSPECT (its silence
    // counts from the takeover). The new controller counts brokers live once they heartbeat to it
    // (they follow its NotLeader redirects within a few intervals); until then: LimitExceeded.
    await waitFor('the stopped node SUSPECT', async () => {
      const d = await rpc.describeCluster(cluster.client(via));
      return d.nodes.find((n) => n.nodeId === old.nodeId)?.state === 'NODE_STATE_SUSPECT' ? true : undefined;
    });
    await waitFor('CreateStream accepted by the new controller', () =>
      admin(cluster.client(via), 'CreateStream', {
        streamName: 'after-failover',
        shardCount: 1,
        replicationFactor: 2,
      }).then(() => true),
    );
    await waitFor('after-failover ACTIVE', async () => {
      const s = await summary(cluster.client(via), 'after-failover');
      return s.streamDescriptionSummary?.streamStatus === 'STREAM_STATUS_ACTIVE' ? true : undefined;
    });
    const back = await cluster.restartNode(old.nodeId);
    expect(back.cluster!.meta!.state().appliedIndex).toBeGreaterThanOrEqual(epochBefore);
    await waitFor('the restarted node catches up on the metadata', () =>
      back.cluster!.meta!.state().stream('after-failover') !== undefined ? true : undefined,
    );
    const s = await waitFor('the restarted node answering', () =>
      summary(cluster.client(old.nodeId), 'after-failover'),
    );
    expect(s.streamDescriptionSummary?.streamStatus).toBe('STREAM_STATUS_ACTIVE');
  });
});
