// What is proven: the CLIENT's routing, retry, ordering and idempotent-retry
// logic. How: real @grpc/grpc-js servers on 127.0.0.1 (fake-cluster.ts)
// serve the contract's Cluster and StreamData services from an in-memory
// state with the broker's leader and idempotent-producer rules, and a
// per-batch script injects NotLeader, Backpressure, OutcomeUnknown (after
// writing), broken streams and final errors. Each test then reads the
// server's state: every acknowledged record written exactly once, each
// shard's records in send order, sequence numbers as acknowledged. The real
// broker and node processes are tested in their own packages and by
// `rheo bench --local`.
import { encodeBatch, RheoError } from '@rheo/wire';
import { afterEach, describe, expect, it } from 'vitest';
import { RheoClient } from '../src/index.js';
import { type BatchArrival, deadAddress, FakeCluster } from './fake-cluster.js';

let cluster: FakeCluster | undefined;
let client: RheoClient | undefined;

afterEach(async () => {
  client?.close();
  await cluster?.stop();
  client = undefined;
  cluster = undefined;
});

async function setup(shards: number, nodes: number): Promise<{ cluster: FakeCluster; client: RheoClient }> {
  cluster = await FakeCluster.start('s', shards, nodes);
  client = new RheoClient({ endpoints: cluster.addresses, retry: { backoffBaseMs: 2, backoffMaxMs: 20 } });
  return { cluster, client };
}

const text = (s: string) => Buffer.from(s);

/** Sends `n` records with keys k0..k{keys-1} round robin; data is the record's number. */
async function sendAll(client: RheoClient, n: number, keys: number, options = {}) {
  const producer = client.producer({
    lingerMs: 1,
    batchRecordsMax: 7,
    retry: { backoffBaseMs: 2, backoffMaxMs: 20 },
    ...options,
  });
  const acks = await Promise.all(
    Array.from({ length: n }, (_v, i) =>
      producer.send('s', { partitionKey: `k${i % keys}`, data: text(String(i)) }),
    ),
  );
  await producer.close();
  return { producer, acks };
}

/** Every shard holds each record once, in send order; acks match the stored sequence numbers. */
function expectExactlyOnceInOrder(
  cluster: FakeCluster,
  n: number,
  acks: { shardId: string; sequenceNumber: string }[],
) {
  const seen = new Set<number>();
  for (const shard of cluster.shards) {
    const numbers = cluster.records(shard.shardId).map((r) => Number(r.data.toString()));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    for (const r of cluster.records(shard.shardId)) {
      const i = Number(r.data.toString());
      expect(seen.has(i)).toBe(false);
      seen.add(i);
      expect(acks[i]).toEqual({ shardId: shard.shardId, sequenceNumber: String(r.sequence) });
    }
  }
  expect(seen.size).toBe(n);
}

describe('Producer batching under a slow shard', () => {
  // Records arrive faster than one batch round trip. While the lane's one
  // batch is in flight, the open batch must keep taking records past its
  // linger time (as Kafka's accumulator does) rather than queue one small
  // batch per linger. That would cap a shard at one linger's worth of
  // records per round trip, and latency would grow without bound.
  it('a lingered batch keeps filling while the lane cannot send', async () => {
    const { cluster, client } = await setup(1, 1);
    cluster.answerDelayMs = 20;
    const producer = client.producer({ lingerMs: 1, inflightBatchesPerShardMax: 1 });
    const sends: Promise<unknown>[] = [];
    for (let i = 0; i < 200; i++) {
      sends.push(producer.send('s', { partitionKey: `k${i}`, data: text(String(i)) }));
      if (i % 10 === 9) await new Promise((r) => setTimeout(r, 2));
    }
    await Promise.all(sends);
    await producer.close();
    const numbers = cluster.records('shardId-000000000000').map((r) => Number(r.data.toString()));
    expect(numbers).toEqual(Array.from({ length: 200 }, (_v, i) => i));
    // About 40 ms of sending at 20 ms per round trip: about 3 batches (15 when every linger sealed one).
    expect(producer.stats.batchesSent).toBeLessThanOrEqual(6);
  });
});

describe('Producer against scripted nodes', () => {
  it('routes by partition key to each shard leader, in batches within bounds, over Produce streams', async () => {
    const { cluster, client } = await setup(4, 2);
    const { acks, producer } = await sendAll(client, 300, 40);
    expectExactlyOnceInOrder(cluster, 300, acks);
    expect(cluster.arrivals.every((a) => a.via === 'produce')).toBe(true);
    // every batch went to the shard's leader and held at most 7 records
    for (const a of cluster.arrivals) expect(a.node).toBe(cluster.shard(a.shardId).leaderNode);
    expect(producer.stats.batchesRetried).toBe(0);
    expect(cluster.shards.every((s) => s.recordCount > 0)).toBe(true);
  });

  it('follows a NotLeader hint, then refreshes its map once the epoch moved', async () => {
    const { cluster, client } = await setup(2, 2);
    await client.shardRoutes('s');
    const moved = cluster.shards[0]!.shardId;
    cluster.moveLeader(moved, 1);
    const { acks, producer } = await sendAll(client, 60, 10);
    expectExactlyOnceInOrder(cluster, 60, acks);
    const refused = cluster.arrivals.filter((a) => a.shardId === moved && a.node === 0);
    expect(refused.length).toBe(1);
    expect(producer.stats.batchesRetried).toBe(1);
    const routes = await client.shardRoutes('s');
    expect(routes.shard(moved)?.leaderAddress).toBe(cluster.addresses[1]);
  });

  it('backs off on Backpressure and throttling and keeps per-shard order', async () => {
    const { cluster, client } = await setup(2, 1);
    let n = 0;
    cluster.script = () =>
      n++ % 3 === 0
        ? {
            kind: 'error',
            error: new RheoError(n % 2 ? 'Backpressure' : 'ProvisionedThroughputExceeded', 'slow down'),
          }
        : undefined;
    const { acks, producer } = await sendAll(client, 120, 9);
    expectExactlyOnceInOrder(cluster, 120, acks);
    expect(producer.stats.batchesRetried).toBeGreaterThan(3);
  });

  it('retries OutcomeUnknown with the same batch sequence: written once (idempotence)', async () => {
    const { cluster, client } = await setup(2, 1);
    let n = 0;
    cluster.script = () => (n++ % 2 === 0 ? { kind: 'write-then-unknown' } : undefined);
    const { acks } = await sendAll(client, 100, 5);
    expectExactlyOnceInOrder(cluster, 100, acks);
    const retries = cluster.arrivals.filter((a, i) =>
      cluster.arrivals
        .slice(0, i)
        .some((b) => b.request.batchSequence === a.request.batchSequence && b.shardId === a.shardId),
    );
    expect(retries.length).toBeGreaterThan(0);
  });

  it('keeps order and exactly-once with 4 batches in flight per shard, broken streams and lost answers', async () => {
    const { cluster, client } = await setup(3, 2);
    let n = 0;
    cluster.script = (a: BatchArrival) => {
      n++;
      if (a.via === 'produce' && n % 17 === 0) return { kind: 'write-then-break' };
      if (n % 5 === 0) return { kind: 'write-then-unknown' };
      if (n % 7 === 0) return { kind: 'error', error: new RheoError('Backpressure', 'full') };
      return undefined;
    };
    const { acks } = await sendAll(client, 600, 30, {
      inflightBatchesPerShardMax: 4,
      lingerMs: 0,
      batchRecordsMax: 5,
    });
    expectExactlyOnceInOrder(cluster, 600, acks);
    expect(cluster.inflightSeenMax).toBeGreaterThan(1);
  });

  it('fails only the records of a batch refused for good, and the shard carries on', async () => {
    const { cluster, client } = await setup(1, 1);
    const producer = client.producer({ lingerMs: 1, batchRecordsMax: 2 });
    let n = 0;
    cluster.script = () =>
      n++ === 1
        ? { kind: 'error', error: new RheoError('InvalidArgument', 'no', { field: 'Data' }) }
        : undefined;
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_v, i) => producer.send('s', { partitionKey: 'k', data: text(String(i)) })),
    );
    await producer.close();
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []));
    expect(failed).toEqual([2, 3]);
    expect(cluster.records(cluster.shards[0]!.shardId).map((r) => r.data.toString())).toEqual([
      '0',
      '1',
      '4',
      '5',
      '6',
      '7',
    ]);
    expect((results[2] as PromiseRejectedResult).reason).toBeInstanceOf(RheoError);
  });

  it('breaks a stream whose answer never comes (batchTimeoutMs) and retries the batch', async () => {
    const { cluster, client } = await setup(1, 1);
    let n = 0;
    cluster.script = () => (n++ === 0 ? { kind: 'silence' } : undefined);
    const { acks } = await sendAll(client, 20, 2, { batchTimeoutMs: 200 });
    expectExactlyOnceInOrder(cluster, 20, acks);
  });

  it('falls back to unary PutRecords when a node does not serve Produce', async () => {
    cluster = new FakeCluster('s', 2);
    cluster.produceServed = false;
    await cluster.stop();
    cluster = await (async () => {
      const c = new FakeCluster('s', 2);
      c.produceServed = false;
      await (c as unknown as { startNode(n: number): Promise<void> }).startNode(0);
      return c;
    })();
    client = new RheoClient({ endpoints: cluster.addresses });
    const { acks } = await sendAll(client, 40, 4);
    expectExactlyOnceInOrder(cluster, 40, acks);
    expect(cluster.arrivals.every((a) => a.via === 'unary')).toBe(true);
  });

  it('admits records in call order when full or before the map is known (mixed sizes, tiny buffer)', async () => {
    const { cluster, client } = await setup(2, 1);
    const producer = client.producer({ lingerMs: 0, batchRecordsMax: 3, bufferedBytesMax: 2_000 });
    // Sizes alternate big and small: a small record must not pass a big one waiting for room.
    const acks = await Promise.all(
      Array.from({ length: 120 }, (_v, i) =>
        producer.send('s', {
          partitionKey: `k${i % 4}`,
          data: Buffer.concat([text(String(i)), Buffer.alloc(i % 2 ? 5 : 900, 32)]),
        }),
      ),
    );
    await producer.close();
    const seen = cluster.shards.flatMap((shard) =>
      cluster.records(shard.shardId).map((r) => Number(r.data.toString().trim())),
    );
    expect(seen.length).toBe(120);
    for (const shard of cluster.shards) {
      const numbers = cluster.records(shard.shardId).map((r) => Number(r.data.toString().trim()));
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    }
    expect(new Set(acks.map((a) => a.sequenceNumber)).size).toBe(120);
  });

  it('full holds a caller that checks it while records wait for room (no queue past the bound)', async () => {
    const { cluster, client } = await setup(1, 1);
    const producer = client.producer({ lingerMs: 0, batchRecordsMax: 2, bufferedBytesMax: 2_000 });
    // 700-byte records: two fit and leave 600 bytes, not full by bytes, yet a third must wait.
    const sends: Promise<unknown>[] = [];
    let queuedMax = 0;
    for (let i = 0; i < 60; i++) {
      if (producer.full) await producer.waitForRoom();
      sends.push(producer.send('s', { partitionKey: 'k', data: Buffer.alloc(700, 48 + (i % 10)) }));
      queuedMax = Math.max(queuedMax, sends.length - producer.stats.recordsAcked);
    }
    await Promise.all(sends);
    await producer.close();
    expect(cluster.records(cluster.shards[0]!.shardId).length).toBe(60);
    // Within the buffer (two records) plus the one that found it full.
    expect(queuedMax).toBeLessThanOrEqual(3);
  });

  it('putRecords (unary, for tools): a stamped batch retried after OutcomeUnknown is written once', async () => {
    const { cluster, client } = await setup(1, 1);
    let n = 0;
    cluster.script = () => (n++ === 0 ? { kind: 'write-then-unknown' } : undefined);
    const shardId = cluster.shards[0]!.shardId;
    const batch = encodeBatch([
      { partitionKey: 'a', data: text('x') },
      { partitionKey: 'b', data: text('y') },
    ]);
    const stamp = { producerId: 'tool-1', producerEpoch: 0, batchSequence: 1 };
    const result = await client.putRecords('s', shardId, batch, stamp);
    expect(result).toMatchObject({ shardId, recordCount: 2, duplicate: true });
    expect(cluster.records(shardId).map((r) => r.data.toString())).toEqual(['x', 'y']);
    // Without a stamp an unknown outcome is not retried: the caller decides.
    cluster.script = () => ({ kind: 'write-then-unknown' });
    await expect(client.putRecords('s', shardId, batch)).rejects.toMatchObject({ code: 'OutcomeUnknown' });
  });

  it('moves past a seed whose map knows no leaders, and sticks to one that does', async () => {
    const { cluster, client } = await setup(2, 2);
    cluster.shards.forEach((s) => {
      s.leaderNode = 1;
    });
    cluster.leaderlessMapNodes.add(0);
    const { acks } = await sendAll(client, 40, 8);
    expectExactlyOnceInOrder(cluster, 40, acks);
    const routes = await client.shardMaps.refresh('s', true);
    expect(routes.shards.every((s) => s.leaderAddress === cluster.addresses[1])).toBe(true);
    expect(cluster.shardMapCalls).toBeLessThanOrEqual(4);
  });

  it('tries the next seed when the first is down, and rejects unknown options', async () => {
    cluster = await FakeCluster.start('s', 1, 1);
    client = new RheoClient({
      endpoints: [await deadAddress(), cluster.addresses[0]!],
      callDeadlineMs: 2_000,
    });
    const routes = await client.shardRoutes('s');
    expect(routes.shards.length).toBe(1);
    expect(() => new RheoClient({ endpoints: 'a:1', retires: {} } as never)).toThrow(
      /unknown RheoClient option "retires"/,
    );
    expect(() => client!.producer({ linger: 5 } as never)).toThrow(/unknown Producer option/);
    await expect(client.shardRoutes('missing')).rejects.toMatchObject({ code: 'ResourceNotFound' });
  });
});
