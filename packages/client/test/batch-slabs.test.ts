// The producer's batches carved from reused slabs: each encodes exactly as
// encodeBatch would, a batch's bytes stay intact until it is released, and
// released slabs are reused so memory stays flat however many batches pass.
import { encodeBatch, type RecordInput } from '@rheo/wire';
import { describe, expect, it } from 'vitest';
import { BatchSlabs } from '../src/batch-slabs.js';

function records(n: number, bytes: number, tag: number): RecordInput[] {
  return Array.from({ length: n }, (_, i) => ({
    partitionKey: `k${tag}-${i}`,
    data: Buffer.alloc(bytes, (tag + i) & 0xff),
  }));
}

describe('BatchSlabs', () => {
  it('encodes as encodeBatch does, into a slab for a small batch and its own buffer for a large one', () => {
    const slabs = new BatchSlabs();
    const small = records(10, 1000, 1);
    const a = slabs.encode(small);
    expect(a.slab).toBeDefined();
    expect(a.encoded.equals(encodeBatch(small))).toBe(true);
    const large = records(300, 1000, 2);
    const b = slabs.encode(large);
    expect(b.slab).toBeUndefined();
    expect(b.encoded.equals(encodeBatch(large))).toBe(true);
  });

  it('keeps every unreleased batch intact while others are released and their slabs reused', () => {
    const slabs = new BatchSlabs();
    const held: { encoded: Buffer; want: Buffer }[] = [];
    for (let i = 0; i < 2_000; i++) {
      const rs = records(1 + (i % 20), 900, i);
      const batch = slabs.encode(rs);
      // Every seventh batch is never acknowledged (a failure keeps its piece); the rest are at once.
      if (i % 7 === 0) held.push({ encoded: batch.encoded, want: encodeBatch(rs) });
      else slabs.release(batch.slab);
    }
    for (const h of held) expect(h.encoded.equals(h.want)).toBe(true);
  });

  it('reuses slabs: memory stays flat when every batch is acknowledged', () => {
    const slabs = new BatchSlabs();
    for (let i = 0; i < 5_000; i++) slabs.release(slabs.encode(records(20, 1000, i)).slab);
    expect(slabs.bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
  });

  it('refuses a bad batch with encodeBatch’s error and keeps working', () => {
    const slabs = new BatchSlabs();
    expect(() => slabs.encode([{ partitionKey: '', data: Buffer.alloc(1) }])).toThrow();
    const ok = records(3, 10, 9);
    expect(slabs.encode(ok).encoded.equals(encodeBatch(ok))).toBe(true);
  });
});
