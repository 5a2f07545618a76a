// Consumer groups and fan-out through the SDK on three real node processes
// (all three run both roles). A stream of 4 shards is written with 16
// partition keys, each record carrying its key's counter. Three workers of
// one group share the shards (each gets at least one; none more than two);
// a fan-out subscriber reads one shard with client.subscribe. Then worker 3
// dies without releasing (its client is closed): its leases expire and the
// others take them; its old lease counter can no longer checkpoint
// (LeaseLost: zombie fencing). More records are written. Proven: every
// record was handled at least once; per key, the first handling of each
// record comes in counter order; the group's checkpoints cover every shard;
// the subscriber saw its shard's records exactly once, in order.
import { RheoClient } from '@rheo/client';
import { LocalCluster } from '@rheo/testkit';
import { afterEach, expect, test } from 'vitest';
import { waitFor } from './helpers/cluster-views.js';

const STREAM = 'grouped';
const KEYS = 16;

let cluster: LocalCluster | undefined;
const clients: RheoClient[] = [];

afterEach(async () => {
  for (const c of clients) c.close();
  await cluster?.destroy();
}, 60_000);

async function produce(client: RheoClient, from: number, count: number): Promise<void> {
  const producer = client.producer();
  const acks: Promise<unknown>[] = [];
  for (let i = from; i < from + count; i++)
    for (let k = 0; k < KEYS; k++)
      acks.push(producer.send(STREAM, { partitionKey: `key-${k}`, data: Buffer.from(`key-${k}|${i}`) }));
  await Promise.all(acks);
  await producer.close();
}

test('three workers share the shards; a dead worker loses its leases and cannot checkpoint; every record handled, in order per key', async () => {
  cluster = await LocalCluster.start({ nodes: 3, controllers: 3, args: ['--heartbeat-interval-ms', '250'] });
  const client = (): RheoClient => {
    const c = new RheoClient({ endpoints: cluster!.endpoints() });
    clients.push(c);
    return c;
  };
  const admin = client();
  await admin.admin.createStream(STREAM, { shardCount: 4, replicationFactor: 3 });
  await admin.admin.waitForActive(STREAM, 30_000);
  await produce(admin, 0, 50);

  // Fan-out on shard 0 with the SDK's resubscribing iterator.
  const consumer = await admin.consumers.ensureActive(STREAM, 'tail');
  const fanned: string[] = [];
  const subscriber = admin.subscribe(STREAM, consumer.consumerArn, 'shardId-000000000000', {
    type: 'TRIM_HORIZON',
  });
  const fanning = (async () => {
    for await (const ev of subscriber)
      for (const r of ev.records) fanned.push(`${r.sequenceNumber}|${r.data.toString()}`);
  })().catch((e: unknown) => e);

  const handled = new Map<string, number[]>(); // key → counters in handling order
  const gained = new Map<string, string[]>();
  const workers = [1, 2, 3].map((n) => {
    const c = client();
    const w = c.consumerGroup(STREAM, 'g', {
      workerId: `w${n}`,
      leaseDurationMs: 1500,
      acquireIntervalMs: 300,
      idleWaitMs: 50,
      onShardsGained: (ids) => gained.set(`w${n}`, [...(gained.get(`w${n}`) ?? []), ...ids]),
    });
    const running = w.run((batch) => {
      for (const r of batch.records) {
        const [key, counter] = r.data.toString().split('|');
        handled.set(key!, [...(handled.get(key!) ?? []), Number(counter)]);
      }
    });
    return { w, c, running: running.catch((e: unknown) => e) };
  });
  // Balanced: 4 shards over 3 workers, each between 1 and 2.
  await waitFor('leases balanced', 20_000, async () => {
    const counts = workers.map((x) => x.w.shardIds.length);
    return counts.every((n) => n >= 1 && n <= 2) && counts.reduce((a, b) => a + b, 0) === 4
      ? counts
      : undefined;
  });
  const w3Shards = workers[2]!.w.shardIds;

  // Worker 3 dies: no release, no more renewals.
  workers[2]!.c.close();
  await waitFor('w3 leases taken', 20_000, async () => {
    const held = [...workers[0]!.w.shardIds, ...workers[1]!.w.shardIds];
    return w3Shards.every((s) => held.includes(s)) ? true : undefined;
  });
  // Zombie fencing: w3's old counter is refused.
  const zombie = client().consumerGroupAdmin();
  const stale = await zombie
    .checkpoint(STREAM, 'g', 'w3', { shardId: w3Shards[0]!, counter: 1 }, '0')
    .catch((e: unknown) => e);
  expect((stale as { code?: string }).code).toBe('LeaseLost');
  zombie.close();

  await produce(admin, 50, 50);
  await waitFor('every record handled', 30_000, async () => {
    for (let k = 0; k < KEYS; k++) if (new Set(handled.get(`key-${k}`) ?? []).size < 100) return undefined;
    return true;
  });
  for (let k = 0; k < KEYS; k++) {
    const seen = handled.get(`key-${k}`)!;
    const firsts = seen.filter((c, i) => seen.indexOf(c) === i);
    expect(firsts).toEqual(Array.from({ length: 100 }, (_, i) => i));
  }

  // Graceful stop: checkpoints written, leases released.
  workers[0]!.w.stop();
  workers[1]!.w.stop();
  expect(await workers[0]!.running).toBeUndefined();
  expect(await workers[1]!.running).toBeUndefined();
  const calls = client().consumerGroupAdmin();
  const group = await calls.describe(STREAM, 'g');
  expect(group.leases.map((l) => l.owner)).toEqual(['', '', '', '']);
  expect(group.leases.every((l) => l.checkpointSequenceNumber !== '')).toBe(true);
  calls.close();

  // The subscriber: shard 0's records once each, in order.
  await waitFor('fan-out caught up', 10_000, async () => {
    const page = await admin.getRecords(
      STREAM,
      'shardId-000000000000',
      await admin.getShardIterator(STREAM, 'shardId-000000000000', { type: 'TRIM_HORIZON' }),
    );
    return fanned.length >= page.records.length && page.millisBehindLatest === 0 ? page : undefined;
  });
  subscriber.close();
  expect(await fanning).toBeUndefined();
  const seqs = fanned.map((f) => BigInt(f.split('|')[0]!));
  for (let i = 1; i < seqs.length; i++) expect(seqs[i]! > seqs[i - 1]!).toBe(true);
  expect(fanned.length).toBeGreaterThan(0);
}, 120_000);
