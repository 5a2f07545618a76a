// What is proven: the pull consumer's decoding and iteration (skip counts,
// record counts, sequence numbers and arrival times from the stored batch
// headers, following next iterators, every shard of a stream merged, and
// records written later still arriving). How: the scripted nodes of
// fake-cluster.ts, written through the Producer, read back with
// ShardConsumer and Consumer against what the server stored.
import { afterEach, describe, expect, it } from 'vitest';
import { RheoClient } from '../src/index.js';
import { FakeCluster } from './fake-cluster.js';

let cluster: FakeCluster | undefined;
let client: RheoClient | undefined;

afterEach(async () => {
  client?.close();
  await cluster?.stop();
});

describe('Consumer against scripted nodes', () => {
  it('reads one shard in order with small limits (batches cut by skip and count)', async () => {
    cluster = await FakeCluster.start('s', 1, 1);
    client = new RheoClient({ endpoints: cluster.addresses });
    const producer = client.producer({ batchRecordsMax: 7, lingerMs: 0 });
    const acks = await Promise.all(
      Array.from({ length: 50 }, (_v, i) =>
        producer.send('s', { partitionKey: `p${i}`, data: Buffer.from(`d${i}`) }),
      ),
    );
    await producer.close();
    const shardId = cluster.shards[0]!.shardId;
    const consumer = client.shardConsumer('s', shardId, { limit: 3, idleWaitMs: 5 });
    const got: { key: string; data: string; seq: string }[] = [];
    for await (const record of consumer.records()) {
      got.push({ key: record.partitionKey, data: record.data.toString(), seq: record.sequenceNumber });
      expect(record.arrivalMs).toBeGreaterThan(0);
      if (got.length === 50) consumer.close();
    }
    expect(got.map((g) => g.data)).toEqual(Array.from({ length: 50 }, (_v, i) => `d${i}`));
    expect(got.map((g) => g.seq)).toEqual(acks.map((a) => a.sequenceNumber));
    expect(consumer.lastSequenceNumber).toBe(acks[49]!.sequenceNumber);
  });

  it('merges every shard of a stream and delivers records written after it started', async () => {
    cluster = await FakeCluster.start('s', 3, 2);
    client = new RheoClient({ endpoints: cluster.addresses });
    const consumer = client.consumer('s', { idleWaitMs: 5 });
    const producer = client.producer({ lingerMs: 1 });
    const seen = new Map<string, string[]>();
    const reading = (async () => {
      let n = 0;
      for await (const read of consumer) {
        for (const r of read.records)
          seen.set(read.shardId, [...(seen.get(read.shardId) ?? []), r.data.toString()]);
        n += read.records.length;
        if (n >= 90) consumer.close();
      }
    })();
    for (let round = 0; round < 3; round++) {
      await Promise.all(
        Array.from({ length: 30 }, (_v, i) =>
          producer.send('s', { partitionKey: `k${i}`, data: Buffer.from(String(round * 30 + i)) }),
        ),
      );
      await new Promise((r) => setTimeout(r, 20));
    }
    await producer.close();
    await reading;
    for (const shard of cluster.shards) {
      expect(seen.get(shard.shardId)).toEqual(cluster.records(shard.shardId).map((r) => r.data.toString()));
    }
  });
});
