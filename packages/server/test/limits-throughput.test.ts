// Proves a shard's throughput limits on a real node (replication factor 1,
// LevelDB in a temp dir, the gRPC server on 127.0.0.1) with small limits
// from node flags, so each case takes a few seconds:
// - a writer at twice the shard's record limit gets about half its records
//   taken per second once the one-second burst is spent; every refused batch
//   is refused whole (the contract's PutRecords is atomic: none of its
//   records is in the shard) with RESOURCE_EXHAUSTED, reason
//   ProvisionedThroughputExceeded, retryable, a retry-after hint and Kinesis's
//   message, which the Kinesis gateway reports per record; the refusals are
//   counted on the replica and in the node's metrics;
// - GetRecords past 5 calls a second is refused the same way, and served
//   again after the hint.
import * as grpc from '@grpc/grpc-js';
import type { pb } from '@rheo/wire';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { batchOf, CallFailure, delivered, records, rpc } from './grpc-test-client.js';
import { startTestCluster, type TestCluster } from './node-harness.js';

const S0 = 'shardId-000000000000';
const RECORDS_PER_S = 100;
const BATCH_RECORDS = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let cluster: TestCluster;

beforeAll(async () => {
  cluster = await startTestCluster({
    nodes: 1,
    streams: 'lim:1:1',
    extraArgs: ['--shard-write-records-per-s', String(RECORDS_PER_S), '--shard-read-calls-per-s', '5'],
  });
  await cluster.leaderOf('lim', S0);
});
afterAll(() => cluster?.stop());

const replica = () => [...cluster.node(1).host.replicas()].find((r) => r.spec.streamName === 'lim')!;

function expectThrottled(f: unknown): pb.ErrorDetail__Output {
  expect(f).toBeInstanceOf(CallFailure);
  const e = f as CallFailure;
  expect(grpc.status[e.code]).toBe('RESOURCE_EXHAUSTED');
  expect(e.detail).toMatchObject({
    reason: 'ProvisionedThroughputExceeded',
    retryable: true,
    message: `Rate exceeded for shard ${S0} in stream lim under account rheo.`,
  });
  expect(e.detail!.retryAfterMs).toBeGreaterThanOrEqual(10);
  return e.detail!;
}

async function readAll(): Promise<string[]> {
  const c = cluster.client(1);
  const it = await rpc.getShardIterator(c, {
    streamName: 'lim',
    shardId: S0,
    shardIteratorType: 'SHARD_ITERATOR_TYPE_TRIM_HORIZON',
  });
  const out: string[] = [];
  let iterator = it.shardIterator;
  for (;;) {
    const page = await rpc.getRecords(c, { shardIterator: iterator });
    out.push(...delivered(page).map((r) => r.data));
    iterator = page.nextShardIterator;
    if (page.recordCount === 0) return out;
  }
}

describe('write limits', () => {
  test('at twice the record limit about half is taken per second; refusals are whole batches, counted', async () => {
    const c = cluster.client(1);
    const intervalMs = (1000 * BATCH_RECORDS) / (2 * RECORDS_PER_S); // 2 × the limit
    const seconds = 3;
    const sends: Array<Promise<{ at: number; batch: string[]; ok: boolean; err?: unknown }>> = [];
    const started = Date.now();
    for (let i = 0; i < (seconds * 1000) / intervalMs; i++) {
      const wait = started + i * intervalMs - Date.now();
      if (wait > 0) await sleep(wait);
      const recs = records(`w${i}`, BATCH_RECORDS);
      const at = Date.now() - started;
      const batch = recs.map((r) => Buffer.from(r.data).toString());
      sends.push(
        rpc.putRecords(c, { streamName: 'lim', shardId: S0, recordBatch: batchOf(recs) }).then(
          () => ({ at, batch, ok: true }),
          (err: unknown) => ({ at, batch, ok: false, err }),
        ),
      );
    }
    const results = await Promise.all(sends);
    const refused = results.filter((r) => !r.ok);
    for (const r of refused) expectThrottled(r.err);

    // After the first second (the burst), the shard takes its limit: about half of what is sent. A
    // loaded machine may send a little slower than planned, so the taken rate is judged, not the share.
    const steady = results.filter((r) => r.at >= 1000);
    const windowS = (steady[steady.length - 1]!.at - steady[0]!.at) / 1000 + intervalMs / 1000;
    const sentPerS = (steady.length * BATCH_RECORDS) / windowS;
    const takenPerS = (steady.filter((r) => r.ok).length * BATCH_RECORDS) / windowS;
    console.log(
      `limits: limit ${RECORDS_PER_S} records/s; after the burst sent ${sentPerS.toFixed(0)}/s, taken ${takenPerS.toFixed(0)}/s (${((100 * takenPerS) / sentPerS).toFixed(0)}%), ${refused.length} batches refused in all`,
    );
    expect(sentPerS).toBeGreaterThan(1.5 * RECORDS_PER_S);
    expect(takenPerS).toBeGreaterThan(0.7 * RECORDS_PER_S);
    expect(takenPerS).toBeLessThan(1.3 * RECORDS_PER_S);
    // Never more than rate × t + one second's burst (+ one batch of slack for timing).
    const taken = results.filter((r) => r.ok).length * BATCH_RECORDS;
    const elapsedS = (Date.now() - started) / 1000;
    expect(taken).toBeLessThanOrEqual(RECORDS_PER_S * (elapsedS + 1) + BATCH_RECORDS);

    // Atomic: exactly the taken batches' records are in the shard.
    const written = await readAll();
    expect(written.sort()).toEqual(
      results
        .filter((r) => r.ok)
        .flatMap((r) => r.batch)
        .sort(),
    );
    const counters = replica().counters;
    expect(counters.writeThrottled).toBe(refused.length);
    expect(counters.writeThrottledRecords).toBe(refused.length * BATCH_RECORDS);
    const metrics = await cluster.node(1).observability.registry.metrics();
    expect(metrics).toContain(
      `rheo_stream_write_throttled_records_total{stream="lim"} ${refused.length * BATCH_RECORDS}`,
    );
  });
});

describe('read limits', () => {
  test('GetRecords past 5 calls a second is ProvisionedThroughputExceeded, then served after the hint', async () => {
    await sleep(1_100); // a full bucket of calls
    const c = cluster.client(1);
    const it = await rpc.getShardIterator(c, {
      streamName: 'lim',
      shardId: S0,
      shardIteratorType: 'SHARD_ITERATOR_TYPE_LATEST',
    });
    const before = replica().counters.readThrottled;
    for (let i = 0; i < 5; i++) await rpc.getRecords(c, { shardIterator: it.shardIterator });
    const refusal = await rpc.getRecords(c, { shardIterator: it.shardIterator }).catch((e: unknown) => e);
    const detail = expectThrottled(refusal);
    expect(detail.retryAfterMs).toBeLessThanOrEqual(200);
    expect(replica().counters.readThrottled).toBe(before + 1);
    await sleep(detail.retryAfterMs + 5);
    await expect(rpc.getRecords(c, { shardIterator: it.shardIterator })).resolves.toMatchObject({
      recordCount: 0,
    });
    const metrics = await cluster.node(1).observability.registry.metrics();
    expect(metrics).toMatch(/rheo_stream_read_throttled_requests_total\{stream="lim"\} [1-9]/);
  });
});
