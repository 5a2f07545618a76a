// Proves retention trimming and the sparse time index:
//  - trimBefore moves firstIndex and deletes the entries below it in
//    bounded chunks while appends to the same group continue unharmed;
//  - it never passes the applied index or the commit index, nor a
//    membership change applied after the compaction point;
//  - the compaction point is durable before entries are deleted: entries
//    left below it (a crash mid-trim, simulated by writing keys back with a
//    raw handle) are ignored at open and deleted in the background;
//  - indexAtTime returns an index before which every entry arrived earlier
//    than the asked time, from sparse points (per N ms / per M entries), and
//    skips points of overwritten entries; trimOlderThan trims by age.
// Time comes from an injected clock.

import { EMPTY_CONF_STATE } from '@rheo/raft';
import { ClassicLevel } from 'classic-level';
import { afterEach, describe, expect, it } from 'vitest';
import { NodeStore } from '../src/index.js';
import { allTimePointsRange, encodeEntry, entryKey } from '../src/internal.js';
import { entries, entry, entryKeysOf, tempDir } from './helpers.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function open(label: string, options = {}) {
  const t = tempDir(label);
  const clock = { now: 1_000_000 };
  const s = await NodeStore.open(t.dir, { nowMs: () => clock.now, trimChunkKeysMax: 16, ...options });
  cleanups.push(t.remove, () => s.close());
  return { s, clock, dir: t.dir };
}

describe('retention trimming', () => {
  it('moves firstIndex and deletes old entries while appends continue', async () => {
    const { s } = await open('trim');
    const g = await s.openGroup('s/t/0');
    await g.persist({
      entries: entries(1, 500, 1),
      hardState: { term: 1, vote: 1, commit: 500 },
      mustSync: true,
    });
    await g.applyState({ applied: 500 });
    const trimming = g.trimBefore(400);
    const appends = (async () => {
      for (let i = 501; i <= 600; i += 10) await g.persist({ entries: entries(i, i + 9, 1), mustSync: true });
    })();
    expect(await trimming).toBe(400);
    await appends;
    await s.whenIdle();
    expect(g.firstIndex()).toBe(400);
    expect(g.lastIndex()).toBe(600);
    const keys = await entryKeysOf(s.db, g.gid);
    expect(keys.length).toBe(201);
    expect(keys[0]!.index).toBe(400);
    const read = await g.readRange(400, 1000, 1e9);
    expect(read.map((e) => e.index)).toEqual(Array.from({ length: 201 }, (_, i) => 400 + i));
  });

  it('never trims past the applied or commit index, nor before a later membership change', async () => {
    const { s } = await open('clamp');
    const g = await s.openGroup('s/t/1');
    await g.persist({
      entries: entries(1, 50, 1),
      hardState: { term: 1, vote: 1, commit: 40 },
      mustSync: true,
    });
    await g.applyState({ applied: 45 });
    expect(await g.trimBefore(100)).toBe(41); // commit 40
    await g.applyState({ applied: 40, confState: { ...EMPTY_CONF_STATE, voters: [1, 2] } });
    await g.persist({ entries: [], hardState: { term: 1, vote: 1, commit: 50 }, mustSync: false });
    await g.applyState({ applied: 50 });
    // The membership changed at 40: a compaction point below it would carry the wrong membership.
    expect(await g.trimBefore(40)).toBe(41);
    expect(await g.trimBefore(45)).toBe(45);
    expect(g.snapshot().metadata.confState.voters).toEqual([1, 2]);
  });

  it('ignores and clears entries left below the compaction point by a crash mid-trim', async () => {
    const { s, dir } = await open('midtrim');
    const g = await s.openGroup('s/t/2');
    await g.persist({
      entries: entries(1, 30, 1),
      hardState: { term: 1, vote: 1, commit: 30 },
      mustSync: true,
    });
    await g.applyState({ applied: 30 });
    await g.trimBefore(20);
    const gid = g.gid;
    await s.close();
    // Put back what a crash between "compaction point synced" and "entries deleted" would leave.
    const raw = new ClassicLevel<Uint8Array, Uint8Array>(dir, { keyEncoding: 'view', valueEncoding: 'view' });
    await raw.open();
    // In segment 0, where the first open wrote them (the next open starts segment 1).
    for (let i = 1; i < 20; i++)
      await raw.put(entryKey(0, gid, i), encodeEntry(entryKey(0, gid, i), entry(i, 1), 0));
    await raw.close();
    const again = await NodeStore.open(dir);
    cleanups.push(() => again.close());
    const h = again.group('s/t/2');
    expect([h.firstIndex(), h.lastIndex(), h.initialState().needsRepair]).toEqual([20, 30, false]);
    await again.whenIdle();
    expect((await entryKeysOf(again.db, gid)).map((k) => k.index)).toEqual(
      Array.from({ length: 11 }, (_, i) => 20 + i),
    );
  });
});

describe('time index', () => {
  it('finds where to start scanning for a time, sparse by time and by entry count', async () => {
    const { s, clock } = await open('time', { timeIndexIntervalMs: 1000, timeIndexEntriesMax: 5 });
    const g = await s.openGroup('s/time/0');
    const arrivals: number[] = [];
    let next = 1;
    const write = async (count: number) => {
      await g.persist({ entries: entries(next, next + count - 1, 1), mustSync: true });
      for (let i = 0; i < count; i++) arrivals[next + i] = clock.now;
      next += count;
    };
    for (let step = 0; step < 20; step++) {
      await write(3);
      clock.now += 400;
    }
    const points = (await s.db.keys(allTimePointsRange(g.gid)).all()).length;
    expect(points).toBeGreaterThan(4);
    expect(points).toBeLessThan(20);
    // The defining property, for every probe time: everything before the answer arrived earlier.
    for (let ts = 999_000; ts <= 1_010_000; ts += 137) {
      const at = await g.indexAtTime(ts);
      for (let i = 1; i < at; i++) expect(arrivals[i]!).toBeLessThan(ts);
      // ...and the scan from there is short: the true answer is within one point's span.
      const exact = arrivals.findIndex((t, i) => i >= 1 && t !== undefined && t >= ts);
      if (exact > 0) expect(exact - at).toBeLessThanOrEqual(9);
    }
  });

  it('skips the points of overwritten entries', async () => {
    const { s, clock } = await open('stale', { timeIndexIntervalMs: 10, timeIndexEntriesMax: 1000 });
    const g = await s.openGroup('s/time/1');
    await g.persist({ entries: entries(1, 5, 1), mustSync: true });
    clock.now += 100;
    await g.persist({ entries: entries(6, 10, 1), mustSync: true }); // point (t+100 → 6)
    clock.now += 100;
    await g.persist({ entries: entries(4, 4, 2), mustSync: true }); // 4..10 replaced: the point at 6 is stale
    expect(await g.indexAtTime(1_000_150)).toBe(1);
    expect(await g.indexAtTime(1_000_250)).toBe(4); // the overwrite's own point
    clock.now += 100;
    await g.persist({ entries: entries(5, 7, 2), mustSync: true });
    // Entry 6 exists again, with term 2: the old point (t+100 → 6, term 1) is still stale.
    expect(await g.indexAtTime(1_000_150)).toBe(1);
    expect(await g.indexAtTime(1_000_300)).toBe(5);
  });

  it('trims by age', async () => {
    const { s, clock } = await open('age', { timeIndexIntervalMs: 1000 });
    const g = await s.openGroup('s/time/2');
    for (let i = 1; i <= 10; i++) {
      await g.persist({
        entries: entries(i * 10 - 9, i * 10, 1),
        hardState: { term: 1, vote: 1, commit: i * 10 },
        mustSync: true,
      });
      clock.now += 60_000;
    }
    await g.applyState({ applied: 100 });
    // Entries 1..50 arrived before minute 5.
    expect(await g.trimOlderThan(1_000_000 + 5 * 60_000)).toBe(51);
    expect(g.firstIndex()).toBe(51);
  });
});
