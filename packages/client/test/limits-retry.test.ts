// What is proven: throttling (ProvisionedThroughputExceeded) is retried by
// the SDK within the retry policy's total time whatever the attempt count,
// with at least the server's retry-after, and the Producer keeps each
// shard's records once and in order through it; other retryable failures
// still stop at the attempt bound. How: mayRetry / backoffMs directly, and
// the Producer against the scripted nodes of fake-cluster.ts (real gRPC on
// 127.0.0.1) refusing every batch's first 14 attempts.
import { RheoError } from '@rheo/wire';
import { afterEach, describe, expect, it } from 'vitest';
import { backoffMs, defaultRetryPolicy, mayRetry } from '../src/backoff.js';
import { RheoClient } from '../src/index.js';
import { type BatchArrival, FakeCluster } from './fake-cluster.js';

let cluster: FakeCluster | undefined;
let client: RheoClient | undefined;

afterEach(async () => {
  client?.close();
  await cluster?.stop();
  client = undefined;
  cluster = undefined;
});

describe('the retry bounds', () => {
  const throttled = new RheoError('ProvisionedThroughputExceeded', 'Rate exceeded', { retryAfterMs: 150 });

  it('throttling is bounded by the total time only; other failures by the attempts too', () => {
    const p = { ...defaultRetryPolicy, attemptsMax: 3, totalMs: 1_000 };
    expect(mayRetry(p, 50, 0, 999, throttled)).toBe(true);
    expect(mayRetry(p, 50, 0, 1_000, throttled)).toBe(false);
    expect(mayRetry(p, 3, 0, 10, new RheoError('Backpressure', 'busy'))).toBe(false);
    expect(mayRetry(p, 2, 0, 10, new RheoError('Backpressure', 'busy'))).toBe(true);
  });

  it("a backoff is jittered and never shorter than the server's retry-after", () => {
    const p = { ...defaultRetryPolicy, backoffBaseMs: 10, backoffMaxMs: 40 };
    expect(backoffMs(p, 1, () => 0, throttled.retryAfterMs)).toBe(150);
    expect(backoffMs(p, 3, () => 0)).toBe(20);
    expect(backoffMs(p, 3, () => 1)).toBe(40);
  });
});

describe('Producer under throttling', () => {
  it('retries a batch throttled more times than attemptsMax, losing and reordering nothing', async () => {
    cluster = await FakeCluster.start('s', 2, 1);
    client = new RheoClient({ endpoints: cluster.addresses });
    const attempts = new Map<string, number>();
    cluster.script = (a: BatchArrival) => {
      const key = `${a.shardId}/${a.request.producerEpoch}/${a.request.batchSequence}`;
      const n = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, n);
      return n <= 14
        ? {
            kind: 'error',
            error: new RheoError('ProvisionedThroughputExceeded', `Rate exceeded for shard ${a.shardId}`, {
              retryAfterMs: 1,
            }),
          }
        : undefined;
    };
    const producer = client.producer({
      lingerMs: 1,
      batchRecordsMax: 10,
      retry: { attemptsMax: 10, totalMs: 20_000, backoffBaseMs: 1, backoffMaxMs: 4 },
    });
    const acks = await Promise.all(
      Array.from({ length: 60 }, (_v, i) =>
        producer.send('s', { partitionKey: `k${i % 6}`, data: Buffer.from(String(i)) }),
      ),
    );
    await producer.close();
    expect(acks).toHaveLength(60);
    expect(producer.stats.recordsFailed).toBe(0);
    const seen: number[] = [];
    for (const shard of cluster.shards) {
      const numbers = cluster.records(shard.shardId).map((r) => Number(r.data.toString()));
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      seen.push(...numbers);
    }
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_v, i) => i));
    expect(Math.max(...attempts.values())).toBeGreaterThan(10);
  });
});
