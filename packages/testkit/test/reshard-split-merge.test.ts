// Split and merge under continuous production (issue 6, test 7a), on three
// real node processes on 127.0.0.1 (all three run both roles). A stream of 2
// shards at replication factor 3 is written by idempotent SDK producers
// (64 partition keys, a per-key counter in each record) while:
//   1. shard 0 is split at the middle of its range: the SDK's batches to it
//      are refused ShardClosed once it closes and re-routed to the children;
//   2. the upper child is merged with shard 1;
//   3. UpdateShardCount 2 -> 4 reaches four even ranges (rounds of splits,
//      then merges), and UpdateStreamMode allows two switches a day.
// Proven afterwards, reading every shard (open and closed) from TRIM_HORIZON
// on each node of its replica set:
// - the durability checker's guarantees on every shard (each acknowledged
//   record present once, at its acked shard and sequence number, on every
//   replica; no duplicate; replicas agree);
// - reading parents before children (shard ids grow with creation, so id
//   order is such an order), every partition key's records come once each,
//   in production order (counters strictly increasing), none missing;
// - the SDK's Consumer, following children after their parents end, reads
//   every record once and each key in order;
// - the closed shards report ending sequence numbers, the children their
//   lineage, and every child's numbers are above its parents'.
// Measured: the time from each SplitShard / MergeShards call until every
// child took a write (a probe record with an explicit hash key inside it).
import { type Producer, RheoClient } from '@rheo/client';
import { LocalCluster } from '@rheo/testkit';
import { evenHashRanges, hashKeyMax } from '@rheo/wire';
import { afterEach, expect, test } from 'vitest';
import { readReplicaSets, shardMapOn, waitFor } from './helpers/cluster-views.js';
import {
  type AckedRecord,
  checkDurability,
  formatViolations,
  type ReadBackRecord,
} from './helpers/durability-check.js';
import { Workload, workloadDefaults } from './helpers/durability-workload.js';

const STREAM = 'resharded';

let cluster: LocalCluster | undefined;
let reader: RheoClient | undefined;
let workload: Workload | undefined;

afterEach(async () => {
  await workload?.stop().catch(() => undefined);
  reader?.close();
  await cluster?.destroy();
}, 60_000);

/** Resolves once a record with each explicit hash key was written to the expected shard; the elapsed ms. */
async function timeUntilWritable(
  producer: Producer,
  probes: ReadonlyArray<{ key: bigint; shardId: string }>,
  startMs: number,
): Promise<number> {
  await Promise.all(
    probes.map(async ({ key, shardId }) => {
      // Until the parent closes, a probe is written to it; then the SDK re-routes to the child.
      for (let i = 0; ; i++) {
        const ack = await producer.send(STREAM, {
          partitionKey: 'probe',
          explicitHashKey: key,
          data: Buffer.from('probe|0|'),
        });
        if (ack.shardId === shardId) return;
        if (i > 3000) throw new Error(`no write reached ${shardId}`);
        await new Promise((res) => setTimeout(res, 5));
      }
    }),
  );
  return Date.now() - startMs;
}

/** The stream ACTIVE in the metadata (not only led: a change may start only then), every open shard led. */
async function untilActive(r: RheoClient): Promise<void> {
  await waitFor(`${STREAM} ACTIVE`, 45_000, async () =>
    (await r.admin.describeStreamSummary(STREAM)).streamStatus === 'ACTIVE' ? true : undefined,
  );
  await r.admin.waitForActive(STREAM, 30_000);
}

/**
 * Polls the shard map every 50 ms from `startMs`: when the map first showed
 * every parent closed (the metadata recorded the close) and every child
 * with a leader. For the figures only.
 */
async function watchChange(
  r: RheoClient,
  parents: readonly string[],
  children: readonly string[],
  startMs: number,
): Promise<{ closedMs: number; ledMs: number }> {
  let closedMs = -1;
  let ledMs = -1;
  for (let i = 0; i < 600 && (closedMs < 0 || ledMs < 0); i++) {
    const routes = await r.shardMaps.refresh(STREAM, true);
    const now = Date.now() - startMs;
    if (closedMs < 0 && parents.every((p) => routes.shard(p)?.open === false)) closedMs = now;
    if (ledMs < 0 && children.every((c) => routes.shard(c)?.leaderAddress !== undefined)) ledMs = now;
    await new Promise((res) => setTimeout(res, 50));
  }
  return { closedMs, ledMs };
}

test('split then merge while 8 producers write 64 keys: every key read once each, in order, parents first', async () => {
  cluster = await LocalCluster.start({ nodes: 3, controllers: 3, args: ['--heartbeat-interval-ms', '250'] });
  const c = cluster;
  reader = new RheoClient({ endpoints: c.endpoints() });
  const r = reader;
  await r.admin.createStream(STREAM, { shardCount: 2, replicationFactor: 3 });
  await untilActive(r);
  workload = new Workload(c.endpoints(), {
    ...workloadDefaults,
    keysPerProducer: 8,
    recordsPerProducerMax: 20_000,
    stream: STREAM,
  });
  await workload.waitForAcks(300, 30_000);
  const probe = r.producer({ producerId: 'probe', lingerMs: 0 });

  // 1. Split shard 0 ([0, 2^127-1]) at the middle of its range.
  const mid = hashKeyMax / 4n;
  const splitAt = Date.now();
  await r.admin.splitShard(STREAM, 'shardId-000000000000', mid);
  const splitWatch = watchChange(
    r,
    ['shardId-000000000000'],
    ['shardId-000000000002', 'shardId-000000000003'],
    splitAt,
  );
  const splitMs = await timeUntilWritable(
    probe,
    [
      { key: mid - 1n, shardId: 'shardId-000000000002' },
      { key: mid, shardId: 'shardId-000000000003' },
    ],
    splitAt,
  );
  await untilActive(r);
  await workload.waitForAcks(300, 30_000);

  // 2. Merge the upper child ([mid, 2^127-1]) with shard 1 ([2^127, max]).
  const mergeAt = Date.now();
  await r.admin.mergeShards(STREAM, 'shardId-000000000003', 'shardId-000000000001');
  const mergeWatch = watchChange(
    r,
    ['shardId-000000000003', 'shardId-000000000001'],
    ['shardId-000000000004'],
    mergeAt,
  );
  const mergeMs = await timeUntilWritable(
    probe,
    [{ key: hashKeyMax, shardId: 'shardId-000000000004' }],
    mergeAt,
  );
  await untilActive(r);
  await workload.waitForAcks(300, 30_000);

  // 3. UpdateShardCount 2 -> 4 (UNIFORM_SCALING): rounds of splits, then merges, to four even ranges.
  const scaleAt = Date.now();
  expect(await r.admin.updateShardCount(STREAM, 4)).toEqual({ currentShardCount: 2, targetShardCount: 4 });
  await expect(r.admin.splitShard(STREAM, 'shardId-000000000002', 5n)).rejects.toMatchObject({
    code: 'ResourceInUse',
  });
  await waitFor('4 even shards, ACTIVE', 45_000, async () => {
    const summary = await r.admin.describeStreamSummary(STREAM);
    const open = (await r.admin.listShards(STREAM))
      .filter((s) => s.endingSequenceNumber === undefined)
      .sort((a, b) => (BigInt(a.startingHashKey) < BigInt(b.startingHashKey) ? -1 : 1));
    const even = evenHashRanges(4);
    const ok =
      summary.streamStatus === 'ACTIVE' &&
      open.length === 4 &&
      open.every(
        (s, i) => BigInt(s.startingHashKey) === even[i]!.start && BigInt(s.endingHashKey) === even[i]!.end,
      );
    return ok ? true : undefined;
  });
  const scaleMs = Date.now() - scaleAt;
  await untilActive(r);
  await workload.waitForAcks(300, 30_000);

  // 4. UpdateStreamMode: two switches a day, the third refused.
  await r.admin.updateStreamMode(STREAM, 'ON_DEMAND');
  await r.admin.updateStreamMode(STREAM, 'PROVISIONED');
  await expect(r.admin.updateStreamMode(STREAM, 'ON_DEMAND')).rejects.toMatchObject({
    code: 'LimitExceeded',
  });
  await probe.close();
  const result = await workload.stop();
  workload = undefined;

  const shards = await r.admin.listShards(STREAM);
  expect(
    shards
      .slice(0, 5)
      .map((s) => [
        s.shardId,
        s.parentShardId,
        s.adjacentParentShardId,
        s.endingSequenceNumber !== undefined,
      ]),
  ).toEqual([
    ['shardId-000000000000', undefined, undefined, true],
    ['shardId-000000000001', undefined, undefined, true],
    ['shardId-000000000002', 'shardId-000000000000', undefined, true],
    ['shardId-000000000003', 'shardId-000000000000', undefined, true],
    ['shardId-000000000004', 'shardId-000000000003', 'shardId-000000000001', true],
  ]);
  expect(shards.filter((s) => s.endingSequenceNumber === undefined)).toHaveLength(4);
  for (const s of shards) {
    for (const p of [s.parentShardId, s.adjacentParentShardId]) {
      const parent = shards.find((x) => x.shardId === p);
      if (parent !== undefined)
        expect(BigInt(s.startingSequenceNumber) > BigInt(parent.endingSequenceNumber!)).toBe(true);
    }
  }

  const map = await shardMapOn(c, r, 1, STREAM);
  const all = await readReplicaSets(c, r, STREAM, map);
  // The probes are not the workload's: left out of its checks.
  const replicas = new Map(
    [...all].map(([node, shards]) => [
      node,
      new Map([...shards].map(([id, log]) => [id, log.filter((x) => x.key !== 'probe')])),
    ]),
  );
  const hosts = new Map(map.map((s) => [s.shardId, s.replicas]));
  const ids = map.map((s) => s.shardId).sort();
  const violations = checkDurability({
    acked: result.acked,
    unacked: result.unacked,
    replicas,
    shardIds: ids,
    hostsOf: (shardId) => hosts.get(shardId) ?? [],
  });
  expect(formatViolations(violations)).toBe('');

  // Parents before children, per key: once each, in production order, none acked missing.
  const oneReplica = (shardId: string): readonly ReadBackRecord[] =>
    replicas.get(hosts.get(shardId)![0]!)?.get(shardId) ?? [];
  const byKey = new Map<string, number[]>();
  for (const id of ids)
    for (const rec of oneReplica(id)) {
      if (rec.key === 'probe') continue;
      const list = byKey.get(rec.key) ?? [];
      list.push(rec.counter);
      byKey.set(rec.key, list);
    }
  const problems: string[] = [];
  for (const [key, counters] of byKey)
    for (let i = 1; i < counters.length; i++)
      if (!(counters[i]! > counters[i - 1]!)) problems.push(`${key}: ${counters[i - 1]} then ${counters[i]}`);
  const ackedByKey = new Map<string, Set<number>>();
  for (const a of result.acked as AckedRecord[]) {
    const s = ackedByKey.get(a.key) ?? new Set<number>();
    s.add(a.counter);
    ackedByKey.set(a.key, s);
  }
  for (const [key, acked] of ackedByKey) {
    const read = new Set(byKey.get(key) ?? []);
    for (const n of acked) if (!read.has(n)) problems.push(`${key}#${n} acked, not read`);
  }
  expect(problems.slice(0, 20)).toEqual([]);

  // The SDK's pull Consumer reads parents before children: every record once, each key in order.
  const total = ids.reduce((n, id) => n + oneReplica(id).length, 0);
  const consumed = new Map<string, number[]>();
  let count = 0;
  const consumer = r.consumer(STREAM, { idleWaitMs: 50 });
  for await (const rec of consumer.records()) {
    const [key = '', counter = ''] = rec.data.toString('latin1').split('|');
    if (key === 'probe') continue;
    const list = consumed.get(key) ?? [];
    list.push(Number(counter));
    consumed.set(key, list);
    if (++count >= total) break;
  }
  expect(count).toBe(total);
  expect([...consumed].filter(([, cs]) => cs.some((x, i) => i > 0 && !(x > cs[i - 1]!)))).toEqual([]);
  expect(byKey.size).toBe(64);
  // Records went to every shard: both parents before, and the children after.
  // UpdateShardCount's rounds pass through short-lived shards (one of a single key) that may take
  // no record; the split's and merge's shards, and the final four, all do.
  const busy = shards.filter((s, i) => i < 5 || s.endingSequenceNumber === undefined);
  for (const s of busy) expect(oneReplica(s.shardId).length, s.shardId).toBeGreaterThan(0);
  const sw = await splitWatch;
  const mw = await mergeWatch;
  const figures = `split: both children took writes ${splitMs} ms after SplitShard (map: parent closed at ${sw.closedMs} ms, children led at ${sw.ledMs} ms); merge: the child ${mergeMs} ms after MergeShards (parents closed at ${mw.closedMs} ms, child led at ${mw.ledMs} ms); UpdateShardCount 2 -> 4 done in ${scaleMs} ms; ${result.acked.length} acked, ${result.unacked.length} not, failures ${JSON.stringify([...result.failures])}, batches retried ${result.batchesRetried}`;
  console.log(figures);
  expect(result.unacked.length, figures).toBe(0);
}, 120_000);
