// The write-traffic split point a leader reports for the autoscaler: the
// weighted median of the latest batches' first hash keys. Proven: the key
// halves the sampled bytes (skewed weights included), the ring keeps only
// the latest samples, and a real client batch is sampled at its first
// record's (explicit) hash key.
import { encodeBatch } from '@rheo/wire';
import { describe, expect, it } from 'vitest';
import { splitSamplesMax, TrafficSplitSampler } from '../src/traffic-split.js';

describe('TrafficSplitSampler', () => {
  it('answers the key that halves the sampled bytes', () => {
    const s = new TrafficSplitSampler();
    expect(s.splitKey()).toBeUndefined();
    for (let k = 1n; k <= 10n; k++) s.add(k * 100n, 1);
    expect(s.splitKey()).toBe(500n);
    // Heavy traffic at the low keys moves the point down.
    s.add(50n, 30);
    expect(s.splitKey()).toBe(50n);
  });

  it('keeps the latest samples only', () => {
    const s = new TrafficSplitSampler();
    for (let i = 0; i < splitSamplesMax; i++) s.add(1n, 1);
    for (let i = 0; i < splitSamplesMax; i++) s.add(1000n + BigInt(i), 1);
    expect(s.splitKey()! >= 1000n).toBe(true);
  });

  it("samples a client batch's first record", () => {
    const s = new TrafficSplitSampler();
    const batch = encodeBatch([
      { partitionKey: 'a', data: Buffer.from('x'), explicitHashKey: 12345n },
      { partitionKey: 'b', data: Buffer.from('y'), explicitHashKey: 99n },
    ]);
    s.addBatch(batch, batch.length);
    expect(s.splitKey()).toBe(12345n);
  });
});
