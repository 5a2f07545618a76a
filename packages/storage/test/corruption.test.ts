// Proves that a corrupt value is never served. Values are damaged on disk
// through a raw classic-level handle on a closed store (one byte flipped).
// On open, a bad entry in the verified tail cuts the log at the last good
// entry and the group answers needsRepair (and keeps answering it until a
// Ready with `repaired` clears the marker). At run time, a read that meets a
// bad entry raises CorruptDataError (with the key and index), is counted and
// reported to listeners, and marks the group so the next open cuts there.
// A corrupt hard state also answers needsRepair.
// fast-check properties: the key encoding preserves numeric/bytewise order;
// the value codec round-trips and detects every single-bit flip.

import { ClassicLevel } from 'classic-level';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CorruptDataError, NodeStore } from '../src/index.js';
import {
  appStateKey,
  compareKeys,
  decodeEntry,
  decodeHardState,
  encodeEntry,
  encodeHardState,
  entryKey,
  FORMAT_KEY,
  GroupKind,
  groupKey,
  metaKey,
  parseEntryKey,
  registryKey,
  timePointKey,
} from '../src/internal.js';
import { entries, tempDir } from './helpers.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Flips one bit of the value stored under `key` (the store must be closed). */
async function flipByte(dir: string, key: Uint8Array, at = 10): Promise<void> {
  const raw = new ClassicLevel<Uint8Array, Uint8Array>(dir, { keyEncoding: 'view', valueEncoding: 'view' });
  await raw.open();
  const v = await raw.get(key);
  if (v === undefined) throw new Error('no value to damage');
  const bad = Uint8Array.from(v);
  bad[Math.min(at, bad.length - 1)]! ^= 0x01;
  await raw.put(key, bad);
  await raw.close();
}

async function storeWith(label: string, n: number, options = {}) {
  const t = tempDir(label);
  cleanups.push(t.remove);
  const s = await NodeStore.open(t.dir, options);
  const g = await s.openGroup('s/x/0');
  await g.persist({
    entries: entries(1, n, 1, 64),
    hardState: { term: 1, vote: 1, commit: n },
    mustSync: true,
  });
  const gid = g.gid;
  await s.close();
  return { dir: t.dir, gid };
}

async function reopen(dir: string, options = {}) {
  const seen: CorruptDataError[] = [];
  const s = await NodeStore.open(dir, options, { onCorrupt: (e) => seen.push(e) });
  cleanups.push(() => s.close());
  return { s, seen };
}

describe('corruption on disk', () => {
  it('cuts the log at the last good entry on open and answers needsRepair until repaired', async () => {
    const { dir, gid } = await storeWith('cut', 10);
    await flipByte(dir, entryKey(0, gid, 7));
    const { s, seen } = await reopen(dir);
    const g = s.group('s/x/0');
    expect(g.initialState().needsRepair).toBe(true);
    expect(g.lastIndex()).toBe(6);
    expect(s.stats().corruptValues).toBe(1);
    expect(seen[0]).toBeInstanceOf(CorruptDataError);
    expect(seen[0]!.index).toBe(7);
    expect(await s.db.get(entryKey(0, gid, 8))).toBeUndefined();
    expect((await g.readRange(1, 100, 1e9)).map((e) => e.index)).toEqual([1, 2, 3, 4, 5, 6]);
    // Caught up again (the core reports it with Ready.repaired): the marker is cleared.
    await g.persist({ entries: entries(7, 8, 2, 64), mustSync: true, repaired: true });
    await s.close();
    const again = await reopen(dir);
    expect(again.s.group('s/x/0').initialState().needsRepair).toBe(false);
    expect(again.s.group('s/x/0').lastIndex()).toBe(8);
  });

  it('refuses a bad entry at read time, reports it, and cuts there on the next open', async () => {
    const { dir, gid } = await storeWith('runtime', 10);
    await flipByte(dir, entryKey(0, gid, 3));
    // Verify only the newest 2 entries at open, so entry 3 is met at run time; a small cache forces disk reads.
    const opts = { recoveryVerifyTailEntries: 2, cacheBytesMax: 600 };
    const { s, seen } = await reopen(dir, opts);
    const g = s.group('s/x/0');
    expect(g.initialState().needsRepair).toBe(false);
    const err = await g.readRange(1, 100, 1e9).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorruptDataError);
    expect((err as CorruptDataError).index).toBe(3);
    expect((err as CorruptDataError).keyHex).toBe(Buffer.from(entryKey(0, gid, 3)).toString('hex'));
    expect(seen.length).toBe(1);
    // The core's path: a miss answers null; the failed load never serves the bad entry.
    let loaded = 0;
    g.onLoaded = () => loaded++;
    expect(g.entries(1, 5, 1e9)).toBeNull();
    await s.whenIdle();
    expect(g.entries(1, 5, 1e9)).toBeNull();
    expect(loaded).toBe(0);
    expect(s.stats().corruptValues).toBe(2);
    await s.close();
    const again = await reopen(dir, opts);
    const h = again.s.group('s/x/0');
    expect(h.initialState().needsRepair).toBe(true);
    expect(h.lastIndex()).toBe(2);
  });

  it('never cuts again what was appended after a cut while the repair is pending', async () => {
    const { dir, gid } = await storeWith('recut', 10);
    await flipByte(dir, entryKey(0, gid, 7));
    let { s } = await reopen(dir);
    await s.group('s/x/0').persist({ entries: entries(7, 12, 2, 64), mustSync: true }); // caught up, not yet repaired
    await s.close();
    ({ s } = await reopen(dir));
    const g = s.group('s/x/0');
    expect([g.initialState().needsRepair, g.lastIndex(), g.term(12)]).toEqual([true, 12, 2]);
  });

  it('does not cut at a run-time marker whose entry was rewritten since', async () => {
    const { dir, gid } = await storeWith('rewritten', 10);
    await flipByte(dir, entryKey(0, gid, 9));
    const opts = { recoveryVerifyTailEntries: 1, cacheBytesMax: 600 };
    let { s } = await reopen(dir, opts);
    const err = await s
      .group('s/x/0')
      .readRange(9, 1, 1e9)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorruptDataError);
    await s.whenIdle(); // the marker (first bad index 9) is on disk
    await s.group('s/x/0').persist({ entries: entries(9, 10, 2, 64), mustSync: true }); // a new leader rewrites 9..10
    await s.close();
    ({ s } = await reopen(dir, opts));
    const g = s.group('s/x/0');
    expect([g.initialState().needsRepair, g.lastIndex(), g.term(9)]).toEqual([true, 10, 2]);
  });

  it('recovers a hard state from its second copy, and answers needsRepair only when both are bad', async () => {
    const { dir, gid } = await storeWith('hard', 4);
    await flipByte(dir, groupKey(gid, GroupKind.HardState), 6);
    let { s, seen } = await reopen(dir);
    let g = s.group('s/x/0');
    expect(seen.length).toBe(1);
    expect(g.initialState()).toMatchObject({
      needsRepair: false,
      hardState: { term: 1, vote: 1, commit: 4 },
    });
    await s.close();
    ({ s, seen } = await reopen(dir)); // the bad copy was rewritten
    expect(seen.length).toBe(0);
    await s.close();
    await flipByte(dir, groupKey(gid, GroupKind.HardState), 6);
    await flipByte(dir, groupKey(gid, GroupKind.HardStateMirror), 6);
    ({ s, seen } = await reopen(dir));
    g = s.group('s/x/0');
    expect(seen.length).toBe(2);
    expect(g.initialState().needsRepair).toBe(true);
    expect(g.initialState().hardState.vote).toBe(0);
    expect(g.lastIndex()).toBe(4);
  });
});

describe('key and value encodings', () => {
  const index = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
  const gid = fc.integer({ min: 0, max: 0xffff_fffe });

  const segment = fc.integer({ min: 0, max: 0xffff_fffe });

  it('orders entry keys by (segment, group, index), and time points by (group, time)', () => {
    fc.assert(
      fc.property(segment, gid, index, segment, gid, index, (s1, g1, i1, s2, g2, i2) => {
        const want = Math.sign(s1 - s2 || g1 - g2 || i1 - i2);
        expect(Math.sign(compareKeys(entryKey(s1, g1, i1), entryKey(s2, g2, i2)))).toBe(want);
        expect(parseEntryKey(entryKey(s1, g1, i1))).toEqual({ segment: s1, gid: g1, index: i1 });
        expect(Math.sign(compareKeys(timePointKey(g1, i1), timePointKey(g2, i2)))).toBe(
          Math.sign(g1 - g2 || i1 - i2),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every overwritten key above the whole log, and the registry below it', () => {
    fc.assert(
      fc.property(segment, gid, index, gid, index, fc.string(), (s1, g1, i1, g2, t, name) => {
        const e = entryKey(s1, g1, i1);
        for (const above of [
          groupKey(g2, GroupKind.HardState),
          groupKey(g2, GroupKind.HardStateMirror),
          groupKey(g2, GroupKind.TermRuns),
          timePointKey(g2, t),
          appStateKey(g2, Uint8Array.of(0)),
          metaKey(Uint8Array.of(0)),
        ])
          expect(compareKeys(e, above)).toBeLessThan(0);
        expect(compareKeys(registryKey(name), e)).toBeLessThan(0);
        expect(compareKeys(FORMAT_KEY, e)).toBeLessThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps app-state keys in their bytewise order', () => {
    fc.assert(
      fc.property(gid, fc.uint8Array({ maxLength: 12 }), fc.uint8Array({ maxLength: 12 }), (g, a, b) => {
        expect(Math.sign(compareKeys(appStateKey(g, a), appStateKey(g, b)))).toBe(
          Math.sign(Buffer.compare(a, b)),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips entries and detects every single-bit flip, in the value or under another key', () => {
    const entryArb = fc.record({
      index: fc.integer({ min: 1, max: 2 ** 40 }),
      term: fc.integer({ min: 0, max: 2 ** 40 }),
      type: fc.constantFrom(0 as const, 1 as const),
      data: fc.uint8Array({ maxLength: 200 }),
      timeMs: fc.integer({ min: 0, max: 2 ** 45 }),
    });
    fc.assert(
      fc.property(entryArb, fc.nat(), (e, flip) => {
        const key = entryKey(2, 3, e.index);
        const v = encodeEntry(key, e, e.timeMs);
        const back = decodeEntry(key, v, e.index);
        expect({ ...back, data: [...back.data] }).toEqual({ ...e, data: [...e.data] });
        const bad = Uint8Array.from(v);
        const bit = flip % (bad.length * 8);
        bad[bit >> 3]! ^= 1 << (bit & 7);
        expect(() => decodeEntry(key, bad, e.index)).toThrow(CorruptDataError);
        expect(() => decodeEntry(entryKey(2, 3, e.index + 1), v, e.index + 1)).toThrow(CorruptDataError);
      }),
      { numRuns: 500 },
    );
  });

  it('detects a flipped bit in a hard state', () => {
    fc.assert(
      fc.property(index, index, index, fc.nat(), (term, vote, commit, flip) => {
        const key = groupKey(1, GroupKind.HardState);
        const v = encodeHardState(key, { term, vote, commit });
        expect(decodeHardState(key, v)).toEqual({ term, vote, commit });
        const bad = Uint8Array.from(v);
        const bit = flip % (bad.length * 8);
        bad[bit >> 3]! ^= 1 << (bit & 7);
        expect(() => decodeHardState(key, bad)).toThrow(CorruptDataError);
      }),
      { numRuns: 300 },
    );
  });
});
