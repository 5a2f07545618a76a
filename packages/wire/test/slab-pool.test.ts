// SlabPool and Slab: pieces carved from a slab never overlap while live, a
// slab is reused only once every piece is given back, and idle slabs are
// bounded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SlabPool } from '../src/slab-pool.js';

describe('SlabPool', () => {
  it('reuses a slab once its pieces are given back, and not before', () => {
    const pool = new SlabPool(1 << 20);
    const a = pool.take(1024);
    const p1 = a.carve(100);
    const p2 = a.carve(100);
    pool.retire(a);
    expect(pool.idleBytes).toBe(0);
    pool.release(a, undefined);
    expect(pool.idleBytes).toBe(0);
    pool.release(a, undefined);
    expect(pool.idleBytes).toBe(1024);
    expect(pool.take(1024)).toBe(a);
    expect(p1.buffer).toBe(p2.buffer);
  });

  it('keeps an emptied slab with its owner while it still carves from it', () => {
    const pool = new SlabPool(1 << 20);
    const a = pool.take(1024);
    a.carve(10);
    pool.release(a, a);
    expect(pool.idleBytes).toBe(0);
    // Empty, it starts again from its front.
    expect(a.fits(1024)).toBe(true);
  });

  it('drops slabs past its idle bound', () => {
    const pool = new SlabPool(2048);
    const slabs = [pool.take(1024), pool.take(1024), pool.take(1024)];
    expect(pool.bytes).toBe(3072);
    for (const s of slabs) pool.retire(s);
    expect(pool.idleBytes).toBe(2048);
    expect(pool.bytes).toBe(2048);
  });

  it('refuses a piece that does not fit', () => {
    const a = new SlabPool(0).take(64);
    a.carve(60);
    expect(a.fits(8)).toBe(false);
    expect(() => a.carve(8)).toThrow(RangeError);
  });

  it('never hands out bytes that a live piece holds', () => {
    // Random carves and releases over a few small slabs; every live piece keeps its fill.
    const step = fc.oneof(
      fc.record({ kind: fc.constant('carve' as const), bytes: fc.integer({ min: 1, max: 300 }) }),
      fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        const pool = new SlabPool(4096);
        let current = pool.take(1024);
        const live: { bytes: Buffer; fill: number; slab: typeof current }[] = [];
        let fill = 0;
        for (const s of steps) {
          if (s.kind === 'carve') {
            if (!current.fits(s.bytes)) {
              pool.retire(current);
              current = pool.take(1024);
            }
            fill = (fill + 1) & 0xff;
            const bytes = current.carve(s.bytes).fill(fill);
            live.push({ bytes, fill, slab: current });
          } else if (live.length > 0) {
            const [gone] = live.splice(s.pick % live.length, 1);
            pool.release(gone!.slab, current);
          }
          for (const p of live) expect(p.bytes.every((b) => b === p.fill)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
