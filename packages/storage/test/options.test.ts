// Proves the storage options are checked once at open (unknown keys, bad
// numbers and functions refused with the option's name) and that each open
// draws its memtable size from [1 − spread, 1 + spread) × the configured size,
// so replicas with the same writes do not flush and compact in lockstep.

import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_STORAGE_OPTIONS, NodeStore } from '../src/index.js';
import { spreadWriteBufferBytes } from '../src/level.js';
import { resolveStorageOptions } from '../src/options.js';
import { tempDir } from './helpers.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('storage options', () => {
  it('refuses unknown keys, non-positive sizes and a spread outside [0, 1)', () => {
    expect(() => resolveStorageOptions({ cacheBytes: 1 } as never)).toThrow(
      /unknown storage option "cacheBytes"/,
    );
    expect(() => resolveStorageOptions({ logSegmentBytes: 0 })).toThrow(
      /logSegmentBytes must be a positive integer/,
    );
    expect(() => resolveStorageOptions({ levelWriteBufferSpread: 1 })).toThrow(/levelWriteBufferSpread/);
    expect(() => resolveStorageOptions({ levelWriteBufferSpread: -0.1 })).toThrow(/levelWriteBufferSpread/);
    expect(() => resolveStorageOptions({ levelWriteBufferSpread: Number.NaN })).toThrow(
      /levelWriteBufferSpread/,
    );
    expect(() => resolveStorageOptions({ random: 3 as never })).toThrow(/random must be a function/);
    expect(resolveStorageOptions({ levelWriteBufferSpread: 0 }).levelWriteBufferSpread).toBe(0);
  });

  it('draws each open’s memtable size within the spread', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1024, max: 1 << 30 }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (bytes, spread, r) => {
          const got = spreadWriteBufferBytes({
            levelWriteBufferBytes: bytes,
            levelWriteBufferSpread: spread,
            random: () => r,
          });
          expect(got).toBeGreaterThanOrEqual(Math.floor(bytes * (1 - spread)));
          expect(got).toBeLessThanOrEqual(Math.ceil(bytes * (1 + spread)));
          if (spread === 0) expect(got).toBe(bytes);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('opens LevelDB with the drawn size', async () => {
    const t = tempDir('spread');
    cleanups.push(t.remove);
    const base = DEFAULT_STORAGE_OPTIONS.levelWriteBufferBytes;
    const low = await NodeStore.open(t.dir, { random: () => 0 });
    expect(low.levelWriteBufferBytes).toBe(Math.round(base * 0.6));
    await low.close();
    const off = await NodeStore.open(t.dir, { levelWriteBufferSpread: 0, random: () => 0 });
    cleanups.push(() => off.close());
    expect(off.levelWriteBufferBytes).toBe(base);
  });
});
