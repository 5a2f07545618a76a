// Proves that GroupLog implements the Raft core's RaftStorage contract over
// LevelDB: append, suffix overwrite (stale keys deleted in the same batch),
// term/firstIndex/lastIndex, entries with maxBytes, compaction errors,
// snapshot round trip (also across reopen), and the cache-miss protocol
// (null → one background load → onLoaded → served). A fast-check property
// drives random append/overwrite/compact sequences against the core's own
// MemoryStorage as the reference.

import { EMPTY_CONF_STATE, LogCompactedError, LogUnavailableError, MemoryStorage } from '@rheo/raft';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GroupLog, NodeStore } from '../src/index.js';
import { entries, entryKeysOf, payload, snapshotAt, tempDir } from './helpers.js';

describe('GroupLog as RaftStorage', () => {
  const tmp = tempDir('contract');
  let store: NodeStore;
  beforeAll(async () => {
    store = await NodeStore.open(tmp.dir, { cacheBytesMax: 4096 });
  });
  afterAll(async () => {
    await store.close();
    tmp.remove();
  });

  it('starts empty', async () => {
    const g = await store.openGroup('s/empty/0');
    expect(g.firstIndex()).toBe(1);
    expect(g.lastIndex()).toBe(0);
    expect(g.term(0)).toBe(0);
    expect(g.entries(1, 1, 100)).toEqual([]);
    expect(g.initialState()).toEqual({
      hardState: { term: 0, vote: 0, commit: 0 },
      confState: EMPTY_CONF_STATE,
      needsRepair: false,
    });
    expect(() => g.term(1)).toThrow(LogUnavailableError);
  });

  it('appends, overwrites a suffix, and answers term/entries/maxBytes', async () => {
    const g = await store.openGroup('s/a/0');
    await g.persist({
      entries: entries(1, 5, 1),
      hardState: { term: 1, vote: 1, commit: 0 },
      mustSync: true,
    });
    expect(g.lastIndex()).toBe(5);
    expect(g.term(3)).toBe(1);
    expect(g.entries(1, 6, 1e9)?.map((e) => e.index)).toEqual([1, 2, 3, 4, 5]);
    expect(g.entries(1, 6, 0)?.length).toBe(1); // at least one
    expect(g.entries(1, 6, 64)?.length).toBe(2); // 32-byte entries
    await g.persist({
      entries: entries(4, 4, 2),
      hardState: { term: 2, vote: 2, commit: 3 },
      mustSync: true,
    });
    expect(g.lastIndex()).toBe(4);
    expect(g.term(4)).toBe(2);
    expect(g.term(3)).toBe(1);
    expect(() => g.entries(1, 6, 1e9)).toThrow(LogUnavailableError);
    expect((await entryKeysOf(store.db, g.gid)).map((k) => k.index)).toEqual([1, 2, 3, 4]);
    expect(g.hardState()).toEqual({ term: 2, vote: 2, commit: 3 });
    expect((await g.readRange(1, 100, 1e9)).map((e) => [e.index, e.term])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 2],
    ]);
  });

  it('refuses a gap', async () => {
    const g = await store.openGroup('s/gap/0');
    expect(() => g.persist({ entries: entries(3, 4, 1), mustSync: true })).toThrow(/gap/);
  });

  it('compacts: firstIndex moves, LogCompactedError below, snapshot at the compaction point', async () => {
    const g = await store.openGroup('s/c/0');
    g.setSnapshotProvider((index, term) => Uint8Array.of(index, term));
    await g.persist({
      entries: entries(1, 10, 1),
      hardState: { term: 1, vote: 1, commit: 10 },
      mustSync: true,
    });
    await g.applyState({ applied: 8 });
    expect(await g.trimBefore(20)).toBe(9); // clamped to applied + 1
    expect(g.firstIndex()).toBe(9);
    expect(g.term(8)).toBe(1);
    expect(() => g.term(7)).toThrow(LogCompactedError);
    expect(() => g.entries(8, 10, 1e9)).toThrow(LogCompactedError);
    expect(g.snapshot().metadata).toMatchObject({ index: 8, term: 1 });
    expect([...g.snapshot().data]).toEqual([8, 1]);
    await expect(g.readRange(3, 10, 1e9)).rejects.toThrow(LogCompactedError);
    await store.whenIdle();
    expect((await entryKeysOf(store.db, g.gid)).map((k) => k.index)).toEqual([9, 10]);
  });

  it('persists a snapshot from the leader and discards the log', async () => {
    const g = await store.openGroup('s/snap/0');
    await g.persist({ entries: entries(1, 3, 1), mustSync: true });
    const snap = snapshotAt(10, 3);
    await g.persist({
      snapshot: snap,
      entries: entries(11, 12, 3),
      hardState: { term: 3, vote: 0, commit: 10 },
      mustSync: true,
    });
    expect(g.firstIndex()).toBe(11);
    expect(g.lastIndex()).toBe(12);
    expect(g.term(10)).toBe(3);
    expect(g.snapshot()).toEqual(snap);
    expect(g.initialState().confState).toEqual(snap.metadata.confState);
  });

  it('answers null on a cache miss, loads once in the background, then serves', async () => {
    const g = await store.openGroup('s/miss/0');
    await g.persist({ entries: entries(1, 40, 1, 512), mustSync: true }); // 20 KiB through a 4 KiB cache
    let loaded = 0;
    const fired = new Promise<void>((resolve) => {
      g.onLoaded = () => {
        loaded++;
        resolve();
      };
    });
    expect(g.entries(40, 41, 1e9)?.[0]?.index).toBe(40); // the tail is cached
    expect(g.entries(1, 5, 1e9)).toBeNull();
    expect(g.entries(2, 5, 1e9)).toBeNull(); // coalesced into the one load
    await fired;
    await store.whenIdle();
    const got = g.entries(1, 5, 1e9);
    // A load is at most half the cache, counted as the cache counts: 3 × (512 B + 64 B of bookkeeping).
    expect(got?.map((e) => e.index)).toEqual([1, 2, 3]);
    expect([...got![0]!.data]).toEqual([...payload(1, 1, 512)]);
    expect(g.completedLoads()).toBe(1);
    expect(loaded).toBeGreaterThanOrEqual(1);
  });

  it('sizes a load of tiny entries by what they cost the cache, so the load is kept and served', async () => {
    const g = await store.openGroup('s/tiny/0');
    await g.persist({ entries: entries(1, 300, 1, 4), mustSync: true }); // 300 × (4 B + bookkeeping) > 4 KiB
    const fired = new Promise<void>((resolve) => {
      g.onLoaded = resolve;
    });
    expect(g.entries(1, 300, 1e9)).toBeNull();
    await fired;
    await store.whenIdle();
    // Sized by data bytes alone, the load took all 299 entries, passed the bound and was evicted at once.
    const got = g.entries(1, 300, 1e9);
    expect(got?.[0]?.index).toBe(1);
    expect(got!.length).toBeGreaterThan(10);
    expect(g.cacheBytes()).toBeLessThanOrEqual(4096);
  });

  it('serves a load the cache cannot keep: entries bigger than half of it, down to a 1-byte bound', async () => {
    for (const bound of [4096, 1]) {
      const t = tempDir(`big-${bound}`);
      const s = await NodeStore.open(t.dir, { cacheBytesMax: bound });
      try {
        const g = await s.openGroup('s/big/0');
        await g.persist({ entries: entries(1, 10, 1, 3000), mustSync: true });
        expect(g.entries(1, 11, 1e9)).toBeNull();
        await loaded(g);
        // The tail keeps its newest entry, so the loaded one did not fit beside it and was
        // evicted as it landed: the core missed again, forever. Now it is served once.
        expect(g.entries(1, 11, 1e9)?.map((e) => e.index)).toEqual([1]);
        expect(g.entries(2, 11, 1e9)).toBeNull();
        await loaded(g);
        expect(g.entries(2, 11, 1e9)?.map((e) => e.index)).toEqual([2]);
        // Read, it is let go: nothing stays past the bound but the newest entry.
        expect(g.cacheBytes()).toBe(3000 + 64);
        expect(g.entries(2, 11, 1e9)).toBeNull();
        await loaded(g);
      } finally {
        await s.close();
        t.remove();
      }
    }
  });

  it('serves a load even when appends evict it before the core asks again', async () => {
    const g = await store.openGroup('s/evicted/0');
    await g.persist({ entries: entries(1, 40, 1, 512), mustSync: true });
    expect(g.entries(1, 5, 1e9)).toBeNull();
    await loaded(g);
    // An append lands first (the leader's next write): the cache evicts loaded segments first.
    await g.persist({ entries: entries(41, 42, 1, 512), mustSync: true });
    expect(g.entries(1, 5, 1e9)?.map((e) => e.index)).toEqual([1, 2, 3]);
    expect(g.cacheBytes()).toBeLessThanOrEqual(4096);
  });

  it('drops a held load that a suffix overwrite made stale', async () => {
    const g = await store.openGroup('s/stale/0');
    await g.persist({ entries: entries(1, 40, 1, 512), mustSync: true });
    expect(g.entries(2, 5, 1e9)).toBeNull();
    await loaded(g);
    await g.persist({ entries: entries(3, 3, 2, 512), mustSync: true }); // a new leader's entry at 3
    // The held load [2, 4] had the old entry 3: what the core reads is the cache's, the new one.
    expect(g.entries(2, 4, 1e9)?.map((e) => [e.index, e.term])).toEqual([
      [2, 1],
      [3, 2],
    ]);
  });

  it('shares the node cache budget among groups, also when reopened', async () => {
    const t = tempDir('budget');
    try {
      const opts = { cacheBytesMax: 1 << 20, nodeCacheBytesMax: 16 * 1024 };
      let s = await NodeStore.open(t.dir, opts);
      const gs = await Promise.all([0, 1, 2, 3].map((i) => s.openGroup(`s/budget/${i}`)));
      for (const g of gs) await g.persist({ entries: entries(1, 100, 1, 512), mustSync: true });
      // 4 groups: 4 KiB each (entries cost their data plus 64 bytes of bookkeeping).
      for (const g of gs) expect(g.cacheBytes()).toBeLessThanOrEqual(4096);
      await s.close();
      s = await NodeStore.open(t.dir, opts);
      for (const name of s.groupNames()) {
        expect(s.group(name).cacheBytes()).toBeLessThanOrEqual(4096);
        expect(s.group(name).entries(100, 101, 1e9)?.[0]?.index).toBe(100); // the warm tail
      }
      await s.close();
    } finally {
      t.remove();
    }
  });

  it('keeps hard state, conf state, snapshot and log across reopen', async () => {
    const t = tempDir('reopen');
    try {
      let s = await NodeStore.open(t.dir);
      let g = await s.openGroup('meta', { confState: { ...EMPTY_CONF_STATE, voters: [1] } });
      await g.persist({
        snapshot: snapshotAt(5, 2),
        entries: entries(6, 9, 2),
        hardState: { term: 2, vote: 1, commit: 8 },
        mustSync: true,
      });
      await g.persist({
        entries: entries(9, 10, 3),
        hardState: { term: 3, vote: 1, commit: 9 },
        mustSync: true,
      });
      await s.close();
      s = await NodeStore.open(t.dir);
      g = s.group('meta');
      expect(g.initialState()).toEqual({
        hardState: { term: 3, vote: 1, commit: 9 },
        confState: snapshotAt(5, 2).metadata.confState,
        needsRepair: false,
      });
      expect([g.firstIndex(), g.lastIndex(), g.term(5), g.term(8), g.term(9), g.term(10)]).toEqual([
        6, 10, 2, 2, 3, 3,
      ]);
      expect(g.snapshot()).toEqual(snapshotAt(5, 2));
      expect(g.entries(6, 11, 1e9)?.map((e) => e.term)).toEqual([2, 2, 2, 3, 3]);
      await s.close();
    } finally {
      t.remove();
    }
  });

  it('matches MemoryStorage under random append / overwrite / compact sequences', async () => {
    type Op =
      | { kind: 'append'; back: number; count: number; bump: boolean }
      | { kind: 'compact'; back: number };
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('append' as const),
        back: fc.nat(4),
        count: fc.integer({ min: 1, max: 6 }),
        bump: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('compact' as const), back: fc.nat(6) }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops: Op[]) => {
        const g = await store.openGroup(`s/prop/${run++}`);
        const ref = new MemoryStorage();
        let term = 1;
        for (const o of ops) {
          if (o.kind === 'append') {
            const from = Math.max(ref.firstIndex(), ref.lastIndex() + 1 - o.back);
            if (o.bump) term++;
            const es = entries(from, from + o.count - 1, term);
            ref.append(es);
            await g.persist({
              entries: es,
              hardState: { term, vote: 1, commit: ref.lastIndex() },
              mustSync: true,
            });
          } else {
            const to = Math.max(ref.firstIndex(), ref.lastIndex() - o.back);
            await g.applyState({ applied: ref.lastIndex() });
            if (to - 1 >= ref.firstIndex()) ref.compact(to - 1);
            await g.trimBefore(to);
          }
          expect([g.firstIndex(), g.lastIndex()]).toEqual([ref.firstIndex(), ref.lastIndex()]);
          for (let i = ref.firstIndex() - 1; i <= ref.lastIndex(); i++) expect(g.term(i)).toBe(ref.term(i));
          const lo = ref.firstIndex();
          const hi = ref.lastIndex() + 1;
          const want = ref.entries(lo, hi, 1e9).map((e) => [e.index, e.term]);
          expect((await g.readRange(lo, 1000, 1e9)).map((e) => [e.index, e.term])).toEqual(want);
          // The synchronous path too: a miss answers null, a background load, then the answer.
          let got = g.entries(lo, hi, 1e9);
          for (let tries = 0; got === null && tries < 5; tries++) {
            await store.whenIdle();
            got = g.entries(lo, hi, 1e9);
          }
          expect(got).not.toBeNull();
          expect(got!.map((e) => [e.index, e.term])).toEqual(want.slice(0, got!.length));
          expect(got!.length).toBeGreaterThan(hi > lo ? 0 : -1);
        }
      }),
      { numRuns: 25 },
    );
  });
});

/** Resolves when the group's next background load has landed (onLoaded). */
function loaded(g: GroupLog): Promise<void> {
  return new Promise((resolve) => {
    g.onLoaded = resolve;
  });
}
