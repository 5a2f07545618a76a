// Proves the segment-ordered log (keys.ts, segment-runs.ts): with segments
// of a few KiB, so every log spans many of them,
//  - reads by range, cache-miss loads and recovery at open see every entry
//    in order across segment boundaries;
//  - a suffix overwritten by a new leader, a trim, a snapshot from the
//    leader and a group deletion leave on disk exactly the live entries,
//    whatever segments the old ones were in;
//  - a model-based property: random appends, overwrites, trims, snapshots
//    and reopens over several groups agree with a plain in-memory model of
//    each log, through the API and key by key on disk;
//  - SegmentRuns' pieces, truncation and dropping are those of the model;
//  - a format-1 store (written key by key here) is converted at open, every
//    value re-sealed under its new key, a corrupt one still refused.

import { EMPTY_CONF_STATE, type Entry } from '@rheo/raft';
import { ClassicLevel } from 'classic-level';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CorruptDataError, NodeStore, STORAGE_FORMAT_VERSION } from '../src/index.js';
import {
  encodeConfState,
  encodeEntry,
  encodeHardState,
  encodeRegistry,
  encodeTermRuns,
  encodeU64,
  FORMAT_KEY,
  GroupState,
  NEXT_GID_KEY,
  registryKey,
  SegmentRuns,
} from '../src/internal.js';
import { allKeysOf, entries, entry, entryKeysOf, payload, snapshotAt, tempDir } from './helpers.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** About ten 32-byte entries per segment. */
const SMALL = { logSegmentBytes: 600, trimChunkKeysMax: 7, nowMs: () => 1_000 };

async function open(dir: string, options = {}) {
  const s = await NodeStore.open(dir, { ...SMALL, ...options });
  cleanups.push(() => s.close());
  return s;
}

function temp(label: string): string {
  const t = tempDir(label);
  cleanups.push(t.remove);
  return t.dir;
}

const indexes = (es: ReadonlyArray<{ index: number }>) => es.map((e) => e.index);
const range = (lo: number, hi: number) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);

describe('the segment-ordered log', () => {
  it('reads, loads and recovers a log that spans many segments', async () => {
    const dir = temp('span');
    let s = await open(dir);
    const g = await s.openGroup('s/a/0');
    const other = await s.openGroup('s/b/0');
    for (let i = 1; i <= 200; i += 5) {
      await g.persist({ entries: entries(i, i + 4, 1, 256), mustSync: true });
      await other.persist({ entries: entries(i, i + 4, 1, 256), mustSync: true });
    }
    const onDisk = await entryKeysOf(s.db, g.gid);
    expect(new Set(onDisk.map((k) => k.segment)).size).toBeGreaterThan(20);
    expect(onDisk.map((k) => k.index).sort((a, b) => a - b)).toEqual(range(1, 200));
    expect(indexes(await g.readRange(1, 1000, 1e9))).toEqual(range(1, 200));
    await s.close();

    // A small cache (the tail only): reads and the core's entries() go to disk, across segments.
    s = await open(dir, { cacheBytesMax: 4096, recoveryVerifyTailEntries: 50 });
    const h = s.group('s/a/0');
    expect([h.firstIndex(), h.lastIndex(), h.term(200)]).toEqual([1, 200, 1]);
    const read = await h.readRange(3, 150, 1e9);
    expect(indexes(read)).toEqual(range(3, 152));
    expect(read.every((e) => Buffer.from(e.data).equals(payload(e.index, 1, 256)))).toBe(true);
    expect(h.entries(17, 60, 1e9)).toBeNull();
    await s.whenIdle();
    const loaded = h.entries(17, 60, 1e9);
    expect(loaded).not.toBeNull();
    expect(indexes(loaded!)).toEqual(range(17, 16 + loaded!.length));
    expect(loaded!.length).toBeGreaterThan(1);
    // New writes go above every segment written before the reopen.
    const before = Math.max(...(await entryKeysOf(s.db, h.gid)).map((k) => k.segment));
    await h.persist({ entries: entries(201, 201, 1), mustSync: true });
    const newest = (await entryKeysOf(s.db, h.gid)).find((k) => k.index === 201);
    expect(newest!.segment).toBeGreaterThan(before);
  });

  it('deletes a suffix overwritten from an older segment, and keeps only live keys', async () => {
    const dir = temp('overwrite');
    let s = await open(dir);
    const g = await s.openGroup('s/o/0');
    for (let i = 1; i <= 60; i += 10) await g.persist({ entries: entries(i, i + 9, 1), mustSync: true });
    // A new leader replaces 25.. with a shorter suffix of term 2.
    await g.persist({ entries: entries(25, 40, 2), mustSync: true });
    expect(g.lastIndex()).toBe(40);
    expect((await entryKeysOf(s.db, g.gid)).map((k) => k.index).sort((a, b) => a - b)).toEqual(range(1, 40));
    const read = await g.readRange(1, 100, 1e9);
    expect(read.map((e) => [e.index, e.term])).toEqual(range(1, 40).map((i) => [i, i < 25 ? 1 : 2]));
    await s.close();
    s = await open(dir);
    const h = s.group('s/o/0');
    expect([h.lastIndex(), h.term(24), h.term(25), h.initialState().needsRepair]).toEqual([40, 1, 2, false]);
  });

  it('trims, installs a snapshot and deletes a group across segments', async () => {
    const dir = temp('trim');
    const s = await open(dir);
    const g = await s.openGroup('s/t/0');
    g.setSnapshotProvider(() => Uint8Array.of(7));
    for (let i = 1; i <= 100; i += 10) await g.persist({ entries: entries(i, i + 9, 1), mustSync: true });
    await g.persist({ entries: [], hardState: { term: 1, vote: 1, commit: 100 }, mustSync: true });
    await g.applyState({ applied: 100 });
    expect(await g.trimBefore(64)).toBe(64);
    expect((await entryKeysOf(s.db, g.gid)).map((k) => k.index)).toEqual(range(64, 100));
    // The runs forgot the segments left with no entry of the group.
    const segs = [...new Set((await entryKeysOf(s.db, g.gid)).map((k) => k.segment))];
    expect(g.segments.toArray().map((r) => r.segment)).toEqual(segs);

    const f = await s.openGroup('s/t/1');
    for (let i = 1; i <= 50; i += 10) await f.persist({ entries: entries(i, i + 9, 1), mustSync: true });
    await f.persist({ snapshot: snapshotAt(30, 2), entries: [], mustSync: true });
    await f.persist({ entries: entries(31, 35, 2), mustSync: true });
    await s.whenIdle();
    expect((await entryKeysOf(s.db, f.gid)).map((k) => k.index)).toEqual(range(31, 35));
    expect(indexes(await f.readRange(31, 100, 1e9))).toEqual(range(31, 35));

    await s.deleteGroup('s/t/0');
    await s.whenIdle();
    expect(await allKeysOf(s.db, g.gid)).toEqual([]);
    expect((await entryKeysOf(s.db, f.gid)).length).toBe(5);
  });

  it('deletes entries orphaned by a deletion a crash cut short', async () => {
    const dir = temp('orphan');
    let s = await open(dir);
    const g = await s.openGroup('s/x/0');
    await g.persist({ entries: entries(1, 40, 1), mustSync: true });
    const gid = g.gid;
    await s.close();
    // The registry record is gone but the entries are not (what an interrupted deletion could leave).
    const raw = new ClassicLevel<Uint8Array, Uint8Array>(dir, { keyEncoding: 'view', valueEncoding: 'view' });
    await raw.open();
    await raw.del(registryKey('s/x/0'));
    await raw.close();
    s = await open(dir);
    await s.whenIdle();
    expect(await entryKeysOf(s.db, gid)).toEqual([]);
  });

  it('agrees with a model of each log through random writes, trims, snapshots and reopens', async () => {
    type Op =
      | { kind: 'append'; group: number; n: number; bytes: number }
      | { kind: 'overwrite'; group: number; back: number; n: number }
      | { kind: 'trim'; group: number; keep: number }
      | { kind: 'snapshot'; group: number; ahead: number }
      | { kind: 'reopen' };
    const group = fc.integer({ min: 0, max: 2 });
    const op: fc.Arbitrary<Op> = fc.oneof(
      {
        weight: 5,
        arbitrary: fc.record({
          kind: fc.constant('append' as const),
          group,
          n: fc.integer({ min: 1, max: 12 }),
          bytes: fc.integer({ min: 1, max: 200 }),
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant('overwrite' as const),
          group,
          back: fc.integer({ min: 0, max: 30 }),
          n: fc.integer({ min: 1, max: 8 }),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('trim' as const),
          group,
          keep: fc.integer({ min: 0, max: 20 }),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('snapshot' as const),
          group,
          ahead: fc.integer({ min: 0, max: 15 }),
        }),
      },
      { weight: 1, arbitrary: fc.constant({ kind: 'reopen' as const }) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 40 }), async (ops) => {
        const t = tempDir('model');
        let s = await NodeStore.open(t.dir, SMALL);
        try {
          // The model: per group, first index, and the (term, bytes) of each live entry.
          const model = [0, 1, 2].map(() => ({
            first: 1,
            log: new Map<number, { term: number; bytes: number }>(),
            term: 1,
            last: 0,
          }));
          const names = [0, 1, 2].map((i) => `s/m/${i}`);
          for (const n of names) (await s.openGroup(n)).setSnapshotProvider(() => Uint8Array.of(1));
          const gl = (i: number) => s.group(names[i]!);
          for (const o of ops) {
            if (o.kind === 'reopen') {
              await s.close();
              s = await NodeStore.open(t.dir, SMALL);
              for (const n of names) s.group(n).setSnapshotProvider(() => Uint8Array.of(1));
              continue;
            }
            const m = model[o.group]!;
            const g = gl(o.group);
            if (o.kind === 'append' || o.kind === 'overwrite') {
              const from = o.kind === 'append' ? m.last + 1 : Math.max(m.first, m.last + 1 - o.back);
              if (o.kind === 'overwrite') m.term++;
              const n = o.n;
              const bytes = o.kind === 'append' ? o.bytes : 16;
              const es: Entry[] = entries(from, from + n - 1, m.term, bytes);
              await g.persist({
                entries: es,
                hardState: { term: m.term, vote: 1, commit: 0 },
                mustSync: true,
              });
              for (let i = from; i <= m.last; i++) m.log.delete(i);
              for (const e of es) m.log.set(e.index, { term: m.term, bytes });
              m.last = from + n - 1;
            } else if (o.kind === 'trim') {
              const target = Math.max(m.first, m.last + 1 - o.keep);
              await g.persist({
                entries: [],
                hardState: { term: m.term, vote: 1, commit: m.last },
                mustSync: true,
              });
              await g.applyState({ applied: m.last });
              await g.trimBefore(target);
              for (let i = m.first; i < target; i++) m.log.delete(i);
              m.first = Math.max(m.first, target);
            } else {
              const at = m.last + o.ahead;
              if (at < m.first) continue;
              m.term++;
              await g.persist({
                snapshot: snapshotAt(at, m.term),
                entries: [],
                hardState: { term: m.term, vote: 1, commit: at },
                mustSync: true,
              });
              m.log.clear();
              m.first = at + 1;
              m.last = at;
            }
          }
          await s.whenIdle();
          for (let i = 0; i < 3; i++) {
            const m = model[i]!;
            const g = gl(i);
            expect([g.firstIndex(), g.lastIndex()]).toEqual([m.first, m.last]);
            const read = await g.readRange(m.first, 10_000, 1e9);
            expect(read.map((e) => [e.index, e.term, e.data.byteLength])).toEqual(
              [...m.log.entries()].sort((a, b) => a[0] - b[0]).map(([k, v]) => [k, v.term, v.bytes]),
            );
            for (const e of read)
              expect(Buffer.from(e.data).equals(payload(e.index, e.term, e.data.byteLength))).toBe(true);
            // On disk: exactly the live entries, each once.
            const keys = (await entryKeysOf(s.db, g.gid)).map((k) => k.index).sort((a, b) => a - b);
            expect(keys).toEqual(read.map((e) => e.index));
          }
        } finally {
          await s.close();
          t.remove();
        }
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});

describe('SegmentRuns', () => {
  it('maps indexes to segments, splits ranges into pieces, truncates and drops', () => {
    const r = new SegmentRuns([
      { first: 1, segment: 3 },
      { first: 10, segment: 5 },
    ]);
    r.push(20, 5); // same segment: no new run
    r.push(25, 8);
    expect([
      r.segmentOf(0),
      r.segmentOf(1),
      r.segmentOf(9),
      r.segmentOf(10),
      r.segmentOf(24),
      r.segmentOf(99),
    ]).toEqual([undefined, 3, 3, 5, 5, 8]);
    expect(r.pieces(5, 30)).toEqual([
      { segment: 3, lo: 5, hi: 10 },
      { segment: 5, lo: 10, hi: 25 },
      { segment: 8, lo: 25, hi: 30 },
    ]);
    expect(r.segmentsBelow(10)).toEqual([3]);
    r.truncateFrom(25);
    expect(r.toArray()).toEqual([
      { first: 1, segment: 3 },
      { first: 10, segment: 5 },
    ]);
    r.dropBelow(9);
    expect(r.length).toBe(2);
    r.dropBelow(10);
    expect(r.toArray()).toEqual([{ first: 10, segment: 5 }]);
    expect(() => r.push(30, 4)).toThrow(/segment/);
  });
});

describe('format 1', () => {
  /** Format 1's keys (the layout before segments): everything of a group under 02 <gid>. */
  const v1 = (gid: number, kind: number, index?: number) => {
    const k = Buffer.alloc(index === undefined ? 6 : 14);
    k[0] = 0x02;
    k.writeUInt32BE(gid, 1);
    k[5] = kind;
    if (index !== undefined) k.writeBigUInt64BE(BigInt(index), 6);
    return new Uint8Array(k);
  };

  it('is converted at open: the log, the state and a corrupt value land in their format-2 places', async () => {
    const dir = temp('v1');
    const raw = new ClassicLevel<Uint8Array, Uint8Array>(dir, { keyEncoding: 'view', valueEncoding: 'view' });
    await raw.open();
    const put = (k: Uint8Array, v: Uint8Array) => raw.put(k, v);
    await put(FORMAT_KEY, encodeU64(FORMAT_KEY, 1));
    await put(NEXT_GID_KEY, encodeU64(NEXT_GID_KEY, 2));
    const rk = registryKey('s/old/0');
    await put(rk, encodeRegistry(rk, { gid: 1, state: GroupState.Live }));
    await put(v1(1, 0x01), encodeHardState(v1(1, 0x01), { term: 2, vote: 3, commit: 30 }));
    await put(v1(1, 0xff), encodeHardState(v1(1, 0xff), { term: 2, vote: 3, commit: 30 }));
    const voters = { ...EMPTY_CONF_STATE, voters: [1, 2, 3] };
    await put(v1(1, 0x02), encodeConfState(v1(1, 0x02), { confState: voters, index: 0 }));
    await put(
      v1(1, 0x04),
      encodeTermRuns(v1(1, 0x04), [
        { start: 0, term: 0 },
        { start: 1, term: 1 },
        { start: 21, term: 2 },
      ]),
    );
    for (let i = 1; i <= 40; i++) {
      const e = entry(i, i <= 20 ? 1 : 2);
      const value = encodeEntry(v1(1, 0x10, i), e, 500 + i);
      if (i === 5) value[value.length - 1]! ^= 1; // damaged before the conversion: must stay refused
      await put(v1(1, 0x10, i), value);
    }
    await raw.close();

    const seen: CorruptDataError[] = [];
    const s = await NodeStore.open(
      dir,
      { recoveryVerifyTailEntries: 10 },
      { onCorrupt: (e) => seen.push(e) },
    );
    cleanups.push(() => s.close());
    const g = s.group('s/old/0');
    expect(g.hardState()).toEqual({ term: 2, vote: 3, commit: 30 });
    expect(g.confState().confState.voters).toEqual([1, 2, 3]);
    expect([g.firstIndex(), g.lastIndex(), g.term(20), g.term(21), g.initialState().needsRepair]).toEqual([
      1,
      40,
      1,
      2,
      false,
    ]);
    const late = await g.readRange(6, 100, 1e9);
    expect(late.map((e) => [e.index, e.term, e.timeMs])).toEqual(
      range(6, 40).map((i) => [i, i <= 20 ? 1 : 2, 500 + i]),
    );
    await expect(g.readRange(1, 100, 1e9)).rejects.toThrow(CorruptDataError);
    expect(seen.map((e) => e.index)).toEqual([5]);
    expect(await s.db.keys({ gte: Uint8Array.of(0x02), lt: Uint8Array.of(0x03) }).all()).toEqual([]);
    expect(await s.db.get(FORMAT_KEY)).toEqual(encodeU64(FORMAT_KEY, STORAGE_FORMAT_VERSION));
    expect(new Set((await entryKeysOf(s.db, 1)).map((k) => k.segment))).toEqual(new Set([0]));
  });

  it('refuses a format it does not know', async () => {
    const dir = temp('v9');
    const raw = new ClassicLevel<Uint8Array, Uint8Array>(dir, { keyEncoding: 'view', valueEncoding: 'view' });
    await raw.open();
    await raw.put(FORMAT_KEY, encodeU64(FORMAT_KEY, 9));
    await raw.close();
    await expect(NodeStore.open(dir)).rejects.toThrow(/store format 9, this build reads 2/);
  });
});
