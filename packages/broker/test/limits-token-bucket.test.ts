// What is proven: the token bucket never admits more than rate × t +
// capacity over any stretch of time (plus the excess of one cost above the
// capacity, which it admits from a full bucket and then pays back), checked
// by fast-check against arbitrary arrival times and costs on an injected
// clock; and the shard throttle built on it refuses writes and reads past
// the shard's limits with Kinesis's error and a useful retry-after, counts
// its refusals, and takes a stream's overrides.

import { RheoError } from '@rheo/wire';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ShardCounters } from '../src/shard-counters.js';
import { effectiveShardLimits, kinesisShardLimits, shardLimitsProblem } from '../src/shard-limits.js';
import { ShardThrottle } from '../src/shard-limits-throttle.js';
import { TokenBucket } from '../src/token-bucket.js';

describe('TokenBucket', () => {
  test('starts full, refills at its rate, never above its capacity', () => {
    const b = new TokenBucket(100, 100, 0);
    expect(b.tryTake(100, 0)).toBe(true);
    expect(b.tryTake(1, 0)).toBe(false);
    expect(b.available(500)).toBeCloseTo(50);
    expect(b.tryTake(50, 500)).toBe(true);
    expect(b.available(10_000)).toBe(100);
  });

  test('a cost above the capacity goes from a full bucket, into debt that is paid back first', () => {
    const b = new TokenBucket(100, 100, 0);
    expect(b.tryTake(1, 0)).toBe(true);
    expect(b.tryTake(300, 0)).toBe(false); // not full
    expect(b.tryTake(300, 10)).toBe(true); // full again after 10 ms
    expect(b.available(10)).toBe(-200);
    expect(b.waitMs(1, 10)).toBe(2010);
    expect(b.tryTake(1, 2_019)).toBe(false);
    expect(b.tryTake(1, 2_020)).toBe(true);
  });

  test('waitMs says when a cost fits; a clock stepping back adds nothing', () => {
    const b = new TokenBucket(10, 10, 1_000);
    b.tryTake(10, 1_000);
    expect(b.waitMs(5, 1_000)).toBe(500);
    expect(b.tryTake(5, 1_499)).toBe(false);
    expect(b.available(900)).toBe(b.available(1_000));
    expect(b.tryTake(5, 1_500)).toBe(true);
  });

  test('configure keeps the banked tokens, clamped to the new capacity', () => {
    const b = new TokenBucket(100, 100, 0);
    b.configure(10, 10, 0);
    expect(b.available(0)).toBe(10);
    b.configure(1_000, 1_000, 0);
    expect(b.available(0)).toBe(10);
    expect(b.available(1)).toBe(11);
  });

  test('property: admitted ≤ rate × t + capacity (+ one oversized excess) over every window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 8_000 })), {
          maxLength: 300,
        }),
        (rate, capacity, steps) => {
          const b = new TokenBucket(rate, capacity, 0);
          let now = 0;
          const admitted: Array<{ at: number; cost: number }> = [];
          let largest = 0;
          for (const [dt, cost] of steps) {
            now += dt;
            if (b.tryTake(cost, now)) {
              admitted.push({ at: now, cost });
              largest = Math.max(largest, cost);
            }
          }
          const slack = capacity + Math.max(0, largest - capacity) + 1e-6;
          // Every window [admitted[i].at, admitted[j].at]: the simple reference is the sum.
          for (let i = 0; i < admitted.length; i++) {
            let sum = 0;
            for (let j = i; j < admitted.length; j++) {
              sum += admitted[j]!.cost;
              const t = (admitted[j]!.at - admitted[i]!.at) / 1000;
              if (sum > rate * t + slack) return false;
            }
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });

  test('property: a producer asking at twice the rate gets about the rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 1_000 }), (rate) => {
        const b = new TokenBucket(rate, rate, 0);
        let admitted = 0;
        const seconds = 20;
        const asks = seconds * rate * 2;
        for (let i = 0; i < asks; i++) if (b.tryTake(1, (i * 1000) / (2 * rate))) admitted++;
        const expected = rate * seconds + rate; // one second's burst
        return admitted <= expected + 1 && admitted >= rate * seconds * 0.95;
      }),
    );
  });
});

describe('ShardThrottle', () => {
  const site = { streamName: 'orders', shardId: 'shardId-000000000001', account: 'acme' };
  const small = { writeBytesPerS: 1_000, writeRecordsPerS: 10, readBytesPerS: 2_000, readCallsPerS: 5 };

  function throttle(limits = small) {
    const clock = { ms: 0 };
    const counters = new ShardCounters(() => {
      throw new Error('not used');
    });
    return { clock, counters, t: new ShardThrottle(site, limits, () => clock.ms, counters) };
  }

  test('a write past the bytes or records limit is ProvisionedThroughputExceeded, named as Kinesis names it', () => {
    const { clock, counters, t } = throttle();
    expect(t.admitWrite(500, 5)).toBeUndefined();
    expect(t.admitWrite(400, 5)).toBeUndefined();
    const refused = t.admitWrite(10, 1)!;
    expect(refused).toBeInstanceOf(RheoError);
    expect(refused.code).toBe('ProvisionedThroughputExceeded');
    expect(refused.retryable).toBe(true);
    expect(refused.message).toBe(
      'Rate exceeded for shard shardId-000000000001 in stream orders under account acme.',
    );
    expect(refused.retryAfterMs).toBe(100); // one record token at 10/s
    expect(counters.writeThrottled).toBe(1);
    expect(counters.writeThrottledRecords).toBe(1);
    clock.ms = 100;
    expect(t.admitWrite(10, 1)).toBeUndefined();
    // The bytes bucket alone can refuse too.
    clock.ms = 1_100;
    expect(t.admitWrite(1_000, 1)).toBeUndefined();
    expect(t.admitWrite(200, 1)?.code).toBe('ProvisionedThroughputExceeded');
  });

  test('a refused write takes nothing from either bucket', () => {
    const { t } = throttle();
    expect(t.admitWrite(100, 10)).toBeUndefined();
    expect(t.admitWrite(900, 1)).toBeDefined(); // records empty: the bytes stay
    expect(t.admitWrite(900, 0)).toBeUndefined();
  });

  test('GetRecords: 5 calls a second, and no call while the bytes handed out are in debt', () => {
    const { clock, counters, t } = throttle();
    for (let i = 0; i < 5; i++) expect(t.admitRead()).toBeUndefined();
    const refused = t.admitRead()!;
    expect(refused.code).toBe('ProvisionedThroughputExceeded');
    expect(refused.retryAfterMs).toBe(200);
    expect(counters.readThrottled).toBe(1);
    clock.ms = 1_000;
    expect(t.admitRead()).toBeUndefined();
    t.chargeRead(6_000); // 2,000/s: 4,000 in debt
    expect(t.admitRead()?.retryAfterMs).toBe(2_000);
    clock.ms = 3_000;
    expect(t.admitRead()).toBeUndefined();
  });

  test("a stream's overrides replace the cluster's, field by field, and are cheap to repeat", () => {
    const { t } = throttle();
    const override = { writeRecordsPerS: 1_000 };
    t.useStreamLimits(override);
    t.useStreamLimits(override);
    expect(t.limits).toEqual({ ...small, writeRecordsPerS: 1_000 });
    // The bank keeps what it had (10), at the new rate from now on.
    expect(t.admitWrite(10, 10)).toBeUndefined();
    expect(t.admitWrite(10, 1)).toBeDefined();
    t.useStreamLimits(undefined);
    expect(t.limits).toEqual(small);
  });

  test('limits: Kinesis defaults, overrides merged, bad rates named', () => {
    expect(kinesisShardLimits).toEqual({
      writeBytesPerS: 1_048_576,
      writeRecordsPerS: 1_000,
      readBytesPerS: 2_097_152,
      readCallsPerS: 5,
    });
    expect(effectiveShardLimits(kinesisShardLimits, { readCallsPerS: 50 }).readCallsPerS).toBe(50);
    expect(effectiveShardLimits(kinesisShardLimits, undefined)).toBe(kinesisShardLimits);
    expect(shardLimitsProblem({ writeBytesPerS: 0 })).toMatch(/writeBytesPerS must be a positive integer/);
    expect(shardLimitsProblem({ readCallsPerS: 1.5 })).toBeDefined();
    expect(shardLimitsProblem({ readCallsPerS: 7 })).toBeUndefined();
  });
});
