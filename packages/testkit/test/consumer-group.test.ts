// Issue 7's consumer test on three real node processes (all three run both
// roles), through the SDK. A stream of 4 shards is written with 16
// partition keys, each record carrying its key's counter, in three rounds.
// Three workers of one group share the shards (each gets one or two). Two
// fan-out subscribers follow shards 0 and 1 with client.subscribe, on nodes
// whose subscriptions last 2 s, so they resubscribe from the continuation
// many times. Between rounds: shard 0 is split, shards 2 and 3 are merged,
// and worker 3 dies without releasing (its client is closed): its leases
// expire and the others take them; its old counter cannot checkpoint
// (LeaseLost). Proven:
// - the group handled every record at least once, and per key the first
//   handling of each record comes in counter order, across the split and
//   the merge (a child is not processed before its parents' ends);
// - every closed parent is checkpointed at SHARD_END; after a graceful
//   stop every lease is released with a checkpoint;
// - each subscriber saw its shard's records exactly once, in order (the
//   same list a pull read from TRIM_HORIZON gives), across resubscriptions,
//   and shard 0's subscriber ended on the event naming its two children.
import { type ConsumedRecord, RheoClient, type ShardSubscriber } from '@rheo/client';
import { LocalCluster } from '@rheo/testkit';
import { hashKeyMax } from '@rheo/wire';
import { afterEach, expect, test } from 'vitest';
import { waitFor } from './helpers/cluster-views.js';

const STREAM = 'grouped';
const KEYS = 16;
const ROUND = 40;

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

/** Every record of a shard from TRIM_HORIZON, by pull reads, until its end (closed) or an empty page. */
async function pullAll(client: RheoClient, shardId: string): Promise<string[]> {
  const out: string[] = [];
  let it = await client.getShardIterator(STREAM, shardId, { type: 'TRIM_HORIZON' });
  while (it !== '') {
    const page = await client.getRecords(STREAM, shardId, it);
    out.push(...page.records.map(line));
    if (page.records.length === 0 && page.millisBehindLatest === 0) break;
    it = page.nextShardIterator;
  }
  return out;
}

const line = (r: ConsumedRecord) => `${r.sequenceNumber}|${r.data.toString()}`;

function follow(sub: ShardSubscriber, into: string[], children: string[][]): Promise<unknown> {
  return (async () => {
    for await (const ev of sub) {
      into.push(...ev.records.map(line));
      if (ev.childShardIds.length > 0) children.push([...ev.childShardIds]);
    }
  })().catch((e: unknown) => e);
}

async function retryInUse(op: () => Promise<void>): Promise<void> {
  await waitFor('the stream to take the change', 30_000, async () => {
    try {
      await op();
      return true;
    } catch (err) {
      if ((err as { code?: string }).code === 'ResourceInUse') return undefined;
      throw err;
    }
  });
}

test('3 workers and 2 fan-out subscribers through a split, a merge and a dead worker: every record handled in order per key', async () => {
  cluster = await LocalCluster.start({
    nodes: 3,
    controllers: 3,
    args: ['--heartbeat-interval-ms', '250', '--subscription-lifetime-ms', '2000'],
  });
  const client = (): RheoClient => {
    const c = new RheoClient({ endpoints: cluster!.endpoints() });
    clients.push(c);
    return c;
  };
  const admin = client();
  await admin.admin.createStream(STREAM, { shardCount: 4, replicationFactor: 3 });
  await admin.admin.waitForActive(STREAM, 30_000);

  const consumer = await admin.consumers.ensureActive(STREAM, 'tail');
  const fanned: Record<string, string[]> = { s0: [], s1: [] };
  const children: string[][] = [];
  const subs = ['shardId-000000000000', 'shardId-000000000001'].map((id) =>
    admin.subscribe(STREAM, consumer.consumerArn, id, { type: 'TRIM_HORIZON' }),
  );
  const following = [follow(subs[0]!, fanned.s0!, children), follow(subs[1]!, fanned.s1!, [])];

  const handled = new Map<string, number[]>(); // key → counters in handling order
  const workers = [1, 2, 3].map((n) => {
    const c = client();
    const w = c.consumerGroup(STREAM, 'g', {
      workerId: `w${n}`,
      leaseDurationMs: 1500,
      acquireIntervalMs: 300,
      idleWaitMs: 50,
    });
    const running = w.run((batch) => {
      for (const r of batch.records) {
        const [key, counter] = r.data.toString().split('|');
        handled.set(key!, [...(handled.get(key!) ?? []), Number(counter)]);
      }
    });
    return { w, c, running: running.catch((e: unknown) => e) };
  });
  await produce(admin, 0, ROUND);
  await waitFor('leases balanced', 20_000, async () => {
    const counts = workers.map((x) => x.w.shardIds.length);
    return counts.every((n) => n >= 1 && n <= 2) && counts.reduce((a, b) => a + b, 0) === 4
      ? counts
      : undefined;
  });

  // Split shard 0 ([0, 2^126)) in the middle; merge shards 2 and 3.
  await admin.admin.splitShard(STREAM, 'shardId-000000000000', hashKeyMax / 8n);
  await retryInUse(() => admin.admin.mergeShards(STREAM, 'shardId-000000000002', 'shardId-000000000003'));
  await admin.admin.waitForActive(STREAM, 30_000);
  await produce(admin, ROUND, ROUND);

  // Worker 3 dies: no release, no more renewals; its leases are taken.
  const w3Shards = workers[2]!.w.shardIds;
  workers[2]!.c.close();
  const groups = client().consumerGroupAdmin();
  // Taken means a live worker holds it, or one already finished it (a closed parent checkpointed
  // at its end is released for good), which only a taker could have done.
  await waitFor('w3 leases taken', 20_000, async () => {
    const leases = (await groups.describe(STREAM, 'g')).leases;
    const taken = (s: string): boolean => {
      const l = leases.find((x) => x.shardId === s);
      return l !== undefined && (l.owner === 'w1' || l.owner === 'w2' || l.checkpointAtShardEnd);
    };
    return w3Shards.every(taken) ? true : undefined;
  });
  if (w3Shards.length > 0) {
    const stale = await groups
      .checkpoint(STREAM, 'g', 'w3', { shardId: w3Shards[0]!, counter: 1 }, '0')
      .catch((e: unknown) => e);
    expect((stale as { code?: string }).code).toBe('LeaseLost');
  }
  await produce(admin, 2 * ROUND, ROUND);

  const total = 3 * ROUND;
  await waitFor('every record handled', 60_000, async () => {
    for (let k = 0; k < KEYS; k++) if (new Set(handled.get(`key-${k}`) ?? []).size < total) return undefined;
    return true;
  }).catch(async (e: unknown) => {
    // Say where it stuck: per-key counts, leases, and what each worker runs.
    const counts = [...handled.entries()].map(([k, v]) => `${k}:${new Set(v).size}`).join(' ');
    const leases = (await groups.describe(STREAM, 'g')).leases
      .map((l) => `${l.shardId}@${l.owner || '-'}#${l.counter}${l.checkpointAtShardEnd ? ' END' : ''}`)
      .join(' ');
    throw new Error(
      `${String(e)}; handled ${counts}; leases ${leases}; workers ${workers.map((x) => x.w.shardIds.join(',')).join(' | ')}`,
    );
  });
  for (let k = 0; k < KEYS; k++) {
    const seen = handled.get(`key-${k}`)!;
    const firsts = seen.filter((c, i) => seen.indexOf(c) === i);
    expect(firsts).toEqual(Array.from({ length: total }, (_, i) => i));
  }
  const mid = await groups.describe(STREAM, 'g');
  for (const parent of ['shardId-000000000000', 'shardId-000000000002', 'shardId-000000000003'])
    expect(mid.leases.find((l) => l.shardId === parent)?.checkpointAtShardEnd).toBe(true);

  workers[0]!.w.stop();
  workers[1]!.w.stop();
  expect(await workers[0]!.running).toBeUndefined();
  expect(await workers[1]!.running).toBeUndefined();
  const after = await groups.describe(STREAM, 'g');
  expect(after.leases.every((l) => l.owner === '')).toBe(true);
  expect(after.leases.every((l) => l.checkpointAtShardEnd || l.checkpointSequenceNumber !== '')).toBe(true);
  groups.close();

  // The subscribers: exactly what a pull read gives, once each, in order, across resubscriptions.
  const want0 = await pullAll(admin, 'shardId-000000000000');
  const want1 = await pullAll(admin, 'shardId-000000000001');
  await waitFor('shard 1 pushed', 20_000, async () => (fanned.s1!.length >= want1.length ? true : undefined));
  expect(await following[0]).toBeUndefined(); // shard 0's subscription ended at the shard's end
  subs[1]!.close();
  await following[1];
  expect(fanned.s0).toEqual(want0);
  expect(fanned.s1).toEqual(want1);
  expect(children).toEqual([['shardId-000000000004', 'shardId-000000000005']]);
  expect(subs[1]!.subscriptions).toBeGreaterThan(1);
}, 180_000);
