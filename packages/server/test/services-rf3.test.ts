// Proves the client API on three real nodes in this process (replication
// factor 3: three stores, the Raft transport between them, three gRPC
// servers), called through the contract's generated clients:
// - a follower answers a write NotLeader with the leader's node id and
//   client address in the ErrorDetail (retryable), and so a read that needs
//   the leader; the write then succeeds at that address;
// - every replica serves the committed records to a follower-allowed read,
//   the same records with the same sequence numbers as the leader;
// - one Produce stream to a node carries many batches for shards it leads
//   and shards it does not: every request id is answered exactly once,
//   results where it leads (sequence numbers rising in send order per
//   shard), NotLeader answers with the leader's address where it does not,
//   and the stream stays open throughout;
// - a node that hosts no replica of a shard answers NotLeader pointing at
//   one that does (and shows no leader for it in its map);
// - the shard map from any node names the same leaders, with addresses.
import * as grpc from '@grpc/grpc-js';
import { encodeBatch, hashKeyMax, type pb } from '@rheo/wire';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { delivered, expectFailure, type NodeClients, records, rpc } from './grpc-test-client.js';
import { startTestCluster, type TestCluster, waitForMapLeaders } from './node-harness.js';

const SHARDS = ['shardId-000000000000', 'shardId-000000000001'];
let cluster: TestCluster;
const leaders = new Map<string, number>();

beforeAll(async () => {
  cluster = await startTestCluster({ nodes: 3, streams: 'orders:2:1,2,3;solo:1:1' });
  for (const s of SHARDS) leaders.set(s, await cluster.leaderOf('orders', s));
}, 90_000);
afterAll(() => cluster?.stop());

const leaderClient = (shardId: string): NodeClients => cluster.client(leaders.get(shardId)!);
const followerIds = (shardId: string): number[] => [1, 2, 3].filter((id) => id !== leaders.get(shardId));

function putReq(shardId: string, tag: string, n = 5): pb.PutRecordsRequest {
  // An explicit hash key inside the shard's half of the key space.
  const key = shardId === SHARDS[0] ? 5n : hashKeyMax - 5n;
  const recs = records(tag, n).map((r) => ({ ...r, explicitHashKey: key }));
  return { streamName: 'orders', shardId, recordBatch: encodeBatch(recs) };
}

/** Every record of the shard readable at `client` (following reads allowed), once it holds `count`. */
async function readUntil(client: NodeClients, shardId: string, count: number) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const it = await rpc.getShardIterator(client, {
      streamName: 'orders',
      shardId,
      shardIteratorType: 'SHARD_ITERATOR_TYPE_TRIM_HORIZON',
    });
    const page = await rpc.getRecords(client, { shardIterator: it.shardIterator, allowFollowerRead: true });
    const got = delivered(page);
    if (got.length >= count || Date.now() > deadline) return got;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('three replicas', () => {
  test('a follower answers NotLeader with the leader address; the write succeeds there', async () => {
    const shard = SHARDS[0]!;
    const leader = leaders.get(shard)!;
    const follower = cluster.client(followerIds(shard)[0]!);
    const f = await expectFailure(
      rpc.putRecords(follower, putReq(shard, 'nl')),
      grpc.status.UNAVAILABLE,
      'NotLeader',
    );
    expect(f.detail).toMatchObject({
      leaderNodeId: leader,
      leaderAddress: cluster.node(leader).advertisedAddress,
      retryable: true,
    });
    const latest = expectFailure(
      rpc.getShardIterator(follower, {
        streamName: 'orders',
        shardId: shard,
        shardIteratorType: 'SHARD_ITERATOR_TYPE_LATEST',
      }),
      grpc.status.UNAVAILABLE,
      'NotLeader',
    );
    expect((await latest).detail?.leaderAddress).toBe(cluster.node(leader).advertisedAddress);
    const ack = await rpc.putRecords(cluster.client(leader), putReq(shard, 'nl'));
    expect(ack.recordCount).toBe(5);
  });

  test('every replica serves the same committed records (follower reads allowed)', async () => {
    const shard = SHARDS[1]!;
    for (let b = 0; b < 4; b++) await rpc.putRecords(leaderClient(shard), putReq(shard, `fr${b}`));
    const fromLeader = await readUntil(leaderClient(shard), shard, 20);
    expect(fromLeader).toHaveLength(20);
    for (const id of followerIds(shard))
      expect(await readUntil(cluster.client(id), shard, 20)).toEqual(fromLeader);
    const it = await rpc.getShardIterator(leaderClient(shard), {
      streamName: 'orders',
      shardId: shard,
      shardIteratorType: 'SHARD_ITERATOR_TYPE_TRIM_HORIZON',
    });
    await expectFailure(
      rpc.getRecords(cluster.client(followerIds(shard)[0]!), { shardIterator: it.shardIterator }),
      grpc.status.UNAVAILABLE,
      'NotLeader',
    );
  });

  /** 120 batches over both shards on one Produce stream to `nodeId`; checks every answer. */
  async function produceThrough(nodeId: number): Promise<void> {
    const call = cluster.client(nodeId).data.Produce();
    const answers = new Map<number, pb.ProduceResponse__Output>();
    let windows = 0;
    call.on('data', (m: pb.ProduceResponse__Output) => {
      if (m.requestId === 0) windows++;
      else {
        expect(answers.has(m.requestId)).toBe(false);
        answers.set(m.requestId, m);
      }
    });
    const status = new Promise<grpc.StatusObject>((resolve) => call.on('status', resolve));
    const BATCHES = 120;
    const shardOf = (id: number) => SHARDS[id % 2]!;
    for (let id = 1; id <= BATCHES; id++)
      call.write({ requestId: id, batch: putReq(shardOf(id), `p${id}`, 10) });
    const deadline = Date.now() + 30_000;
    while (answers.size < BATCHES && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    call.end();
    expect((await status).code).toBe(grpc.status.OK);
    expect(windows).toBe(1);
    expect(answers.size).toBe(BATCHES);
    const lastSeq = new Map<string, bigint>();
    for (let id = 1; id <= BATCHES; id++) {
      const a = answers.get(id)!;
      const shard = shardOf(id);
      if (leaders.get(shard) === nodeId) {
        expect(a.result?.shardId).toBe(shard);
        const seq = BigInt(a.result!.firstSequenceNumber);
        expect(seq).toBeGreaterThan(lastSeq.get(shard) ?? -1n);
        lastSeq.set(shard, seq);
      } else {
        const leader = leaders.get(shard)!;
        expect(a.error).toMatchObject({ reason: 'NotLeader', leaderNodeId: leader });
        expect(a.error?.leaderAddress).toBe(cluster.node(leader).advertisedAddress);
      }
    }
  }

  test('one Produce stream: many batches in flight, each answered once, results or NotLeader', async () => {
    // Through shard 0's leader (results) and one of its followers (NotLeader answers), whoever leads shard 1.
    await produceThrough(leaders.get(SHARDS[0]!)!);
    await produceThrough(followerIds(SHARDS[0]!)[0]!);
  });

  test('a node that hosts no replica of a shard points at one that does', async () => {
    await cluster.leaderOf('solo', SHARDS[0]!);
    const req = { ...putReq(SHARDS[0]!, 'solo'), streamName: 'solo' };
    const f = await expectFailure(
      rpc.putRecords(cluster.client(2), req),
      grpc.status.UNAVAILABLE,
      'NotLeader',
    );
    expect(f.details).toBe(
      'node 2 is not a replica of shard shardId-000000000000 of stream solo; its replicas are nodes 1',
    );
    expect(f.detail).toMatchObject({ leaderAddress: cluster.node(1).advertisedAddress, leaderNodeId: 0 });
    expect((await rpc.putRecords(cluster.client(1), req)).recordCount).toBe(5);
    const seen = await rpc.getShardMap(cluster.client(2), { streamNames: ['solo'] });
    expect(seen.streams[0]!.shards[0]).toMatchObject({ replicaNodeIds: [1], leaderNodeId: 0 });
    expect(seen.nodes.map((n) => n.nodeId)).toEqual([1]);
  });

  test('the shard map from any node names the same leaders, with their addresses', async () => {
    for (const id of [1, 2, 3]) await waitForMapLeaders(cluster.client(id), 'orders');
    for (const id of [1, 2, 3]) {
      const map = await rpc.getShardMap(cluster.client(id), { streamNames: ['orders'] });
      const shards = map.streams[0]!.shards;
      expect(shards.map((s) => s.leaderNodeId)).toEqual(SHARDS.map((s) => leaders.get(s)));
      expect(shards.every((s) => s.replicaNodeIds.join() === '1,2,3')).toBe(true);
      expect(map.nodes.map((n) => n.address)).toEqual(
        [1, 2, 3].map((n) => cluster.node(n).advertisedAddress),
      );
    }
    const d = await rpc.describeCluster(cluster.client(1));
    expect(d.nodes.map((n) => n.state)).toEqual(['NODE_STATE_ALIVE', 'NODE_STATE_ALIVE', 'NODE_STATE_ALIVE']);
    expect(d.underReplicatedShardCount).toBe(0);
  });
});
