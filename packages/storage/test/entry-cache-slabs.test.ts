// The entry cache's tail lives in reused slabs (cache-slabs.ts). What must
// hold: a cached entry reads back exactly the bytes it was appended with,
// whatever was appended, truncated, compacted or evicted since (a slab is
// reused only once nothing in it is cached); nothing handed out is a view
// of a slab; and the slabs a cache holds stay near its bound.

import { SlabPool, slabPieceBytesMax as slabEntryBytesMax } from '@rheo/wire';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SLAB_BYTES_MAX, SLAB_BYTES_MIN, slabBytesFor } from '../src/cache-slabs.js';
import { EntryCache } from '../src/entry-cache.js';
import type { StoredEntry } from '../src/records.js';

const MiB = 1024 * 1024;

function stored(index: number, bytes: number, fill = index): StoredEntry {
  return { index, term: 1, type: 0, data: Buffer.alloc(bytes, fill & 0xff), timeMs: index };
}

function run(lo: number, n: number, bytes: number): StoredEntry[] {
  return Array.from({ length: n }, (_, i) => stored(lo + i, bytes));
}

describe('slab sizes', () => {
  it('is a power of two near a quarter of the bound, between the limits', () => {
    expect(slabBytesFor(8 * MiB)).toBe(SLAB_BYTES_MAX);
    expect(slabBytesFor(256 * 1024)).toBe(64 * 1024);
    expect(slabBytesFor(1)).toBe(SLAB_BYTES_MIN);
    expect(slabEntryBytesMax(SLAB_BYTES_MAX)).toBe(SLAB_BYTES_MAX / 4);
  });
});

describe('EntryCache with a slab pool', () => {
  it('keeps a copy: changing the appended buffer or a returned one changes nothing cached', () => {
    const cache = new EntryCache(8 * MiB, new SlabPool(MiB));
    const entries = run(1, 3, 1000);
    cache.append(entries);
    entries[1]!.data.fill(0xee);
    const got = cache.get(1, 4, MiB)!;
    expect(got.map((e) => e.data[0])).toEqual([1, 2, 3]);
    got[0]!.data.fill(0xdd);
    expect(cache.get(1, 2, MiB)![0]!.data[0]).toBe(1);
    // What was handed out survives the slab being reused for newer entries.
    const held = cache.get(2, 3, MiB)![0]!;
    cache.setBound(1);
    for (let lo = 4; lo < 2_000; lo += 5) cache.append(run(lo, 5, 1000));
    expect(held.data.every((b) => b === 2)).toBe(true);
  });

  it('keeps an entry larger than a slab takes as given', () => {
    const cache = new EntryCache(8 * MiB, new SlabPool(MiB));
    const big = stored(1, slabEntryBytesMax(slabBytesFor(8 * MiB)) + 1);
    cache.append([big]);
    expect(cache.get(1, 2, 10 * MiB)![0]).toBe(big);
  });

  it('reuses slabs as it evicts: memory stays near the bound however much passes through', () => {
    const pool = new SlabPool(MiB);
    const bound = 2 * MiB;
    const cache = new EntryCache(bound, pool);
    for (let lo = 1; lo <= 20_000; lo += 10) cache.append(run(lo, 10, 5_000));
    const slab = slabBytesFor(bound);
    // The bound, the partly filled slab, the one being emptied, and the pool's idle slabs.
    expect(pool.bytes).toBeLessThanOrEqual(bound + 2 * slab + MiB);
    expect(cache.get(20_000, 20_001, MiB)![0]!.data[0]).toBe(20_000 & 0xff);
  });

  it('gives every slab back when cleared, and a new cache takes them again', () => {
    const pool = new SlabPool(4 * MiB);
    const a = new EntryCache(MiB, pool);
    a.append(run(1, 100, 4_000));
    a.clear();
    const before = pool.bytes;
    expect(pool.idleBytes).toBe(before);
    const b = new EntryCache(MiB, pool);
    b.append(run(1, 100, 4_000));
    expect(pool.bytes).toBe(before);
  });

  it('reads back exactly what was appended, through any appends, truncations, compactions and bound changes', () => {
    type Op =
      | { kind: 'append'; back: number; n: number; bytes: number }
      | { kind: 'truncate'; back: number }
      | { kind: 'compact'; ahead: number }
      | { kind: 'bound'; bytes: number }
      | { kind: 'clear' };
    const op: fc.Arbitrary<Op> = fc.oneof(
      {
        weight: 6,
        arbitrary: fc.record({
          kind: fc.constant('append' as const),
          back: fc.integer({ min: 0, max: 3 }),
          n: fc.integer({ min: 1, max: 12 }),
          bytes: fc.integer({ min: 1, max: 40_000 }),
        }),
      },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), back: fc.nat(5) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('compact' as const), ahead: fc.nat(8) }) },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('bound' as const),
          bytes: fc.integer({ min: 1, max: 600_000 }),
        }),
      },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear' as const) }) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), fc.integer({ min: 1, max: 400_000 }), (ops, bound) => {
        const pool = new SlabPool(256 * 1024);
        const cache = new EntryCache(bound, pool);
        // What each index was last appended with: its length and fill byte.
        const model = new Map<number, { bytes: number; fill: number }>();
        let last = 0;
        let first = 1;
        let fill = 0;
        for (const o of ops) {
          if (o.kind === 'append') {
            const lo = Math.max(first, last + 1 - o.back);
            const entries = Array.from({ length: o.n }, (_, i) => {
              fill = (fill + 1) & 0xff;
              model.set(lo + i, { bytes: o.bytes, fill });
              return stored(lo + i, o.bytes, fill);
            });
            for (let i = lo + o.n; i <= last; i++) model.delete(i);
            cache.append(entries);
            last = lo + o.n - 1;
          } else if (o.kind === 'truncate') {
            const from = Math.max(first, last + 1 - o.back);
            cache.truncateFrom(from);
            for (let i = from; i <= last; i++) model.delete(i);
            last = from - 1;
          } else if (o.kind === 'compact') {
            const to = Math.min(last + 1, first + o.ahead);
            cache.compactBefore(to);
            for (let i = first; i < to; i++) model.delete(i);
            first = to;
          } else if (o.kind === 'bound') {
            cache.setBound(o.bytes);
          } else {
            cache.clear();
          }
          // Whatever the cache still answers must be what was appended there last.
          for (let i = first; i <= last; i++) {
            const got = cache.get(i, i + 1, 1 << 30);
            if (got === null) continue;
            const want = model.get(i)!;
            expect(got[0]!.index).toBe(i);
            expect(got[0]!.data.byteLength).toBe(want.bytes);
            expect(got[0]!.data.every((b) => b === want.fill)).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
