// MemoryStorage keeps the RaftStorage contract: entries/term answer within
// [firstIndex-1, lastIndex] and throw the typed errors outside it, append
// replaces a conflicting suffix, compact keeps the compaction point's term,
// snapshots replace the log. Proven by a table of direct calls.
import { describe, expect, it } from 'vitest';
import type { Entry } from '../src/index.js';
import { LogCompactedError, LogUnavailableError, MemoryStorage } from '../src/index.js';

const ent = (index: number, term: number, size = 0): Entry => ({
  index,
  term,
  type: 0,
  data: new Uint8Array(size),
});

function storageWith(entries: Entry[]): MemoryStorage {
  const s = new MemoryStorage();
  s.append(entries);
  return s;
}

describe('MemoryStorage', () => {
  it('starts empty at index 0', () => {
    const s = new MemoryStorage();
    expect(s.firstIndex()).toBe(1);
    expect(s.lastIndex()).toBe(0);
    expect(s.term(0)).toBe(0);
    expect(s.initialState().hardState).toEqual({ term: 0, vote: 0, commit: 0 });
  });

  it('answers term inside the log and throws typed errors outside', () => {
    const s = storageWith([ent(1, 1), ent(2, 2), ent(3, 3)]);
    s.compact(1);
    const cases: { i: number; want: number | typeof LogCompactedError | typeof LogUnavailableError }[] = [
      { i: 0, want: LogCompactedError },
      { i: 1, want: 1 },
      { i: 2, want: 2 },
      { i: 3, want: 3 },
      { i: 4, want: LogUnavailableError },
    ];
    for (const c of cases) {
      if (typeof c.want === 'number') expect(s.term(c.i)).toBe(c.want);
      else expect(() => s.term(c.i)).toThrow(c.want);
    }
  });

  it('returns entries bounded by bytes but at least one', () => {
    const s = storageWith([ent(1, 1, 100), ent(2, 1, 100), ent(3, 1, 100), ent(4, 1, 100)]);
    expect(s.entries(1, 5, 1_000_000).map((e) => e.index)).toEqual([1, 2, 3, 4]);
    expect(s.entries(1, 5, 250).map((e) => e.index)).toEqual([1, 2]);
    expect(s.entries(2, 5, 0).map((e) => e.index)).toEqual([2]);
    expect(() => s.entries(1, 6, 100)).toThrow(LogUnavailableError);
    s.compact(2);
    expect(() => s.entries(2, 4, 100)).toThrow(LogCompactedError);
    expect(s.firstIndex()).toBe(3);
    expect(s.term(2)).toBe(1);
  });

  it('append truncates a conflicting suffix and ignores compacted entries', () => {
    const s = storageWith([ent(1, 1), ent(2, 1), ent(3, 1)]);
    s.append([ent(2, 2), ent(3, 2), ent(4, 2)]);
    expect([1, 2, 3, 4].map((i) => s.term(i))).toEqual([1, 2, 2, 2]);
    s.append([ent(3, 3)]);
    expect(s.lastIndex()).toBe(3);
    s.compact(2);
    s.append([ent(1, 1), ent(2, 2), ent(3, 3), ent(4, 3)]);
    expect(s.firstIndex()).toBe(3);
    expect(s.lastIndex()).toBe(4);
  });

  it('append asserts contiguity and no gap', () => {
    const s = storageWith([ent(1, 1)]);
    expect(() => s.append([ent(2, 1), ent(4, 1)])).toThrow(/not contiguous/);
    expect(() => s.append([ent(3, 1)])).toThrow(/gap/);
  });

  it('createSnapshot and applySnapshot move the compaction point', () => {
    const s = storageWith([ent(1, 1), ent(2, 1), ent(3, 2)]);
    const cs = { voters: [1, 2, 3], learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false };
    const snap = s.createSnapshot(2, cs, new Uint8Array([7]));
    expect(snap.metadata).toEqual({ index: 2, term: 1, confState: cs });
    expect(s.snapshot()).toBe(snap);
    expect(() => s.createSnapshot(1, cs, new Uint8Array())).toThrow(/older/);
    const t = new MemoryStorage();
    t.append([ent(1, 1)]);
    t.applySnapshot({ metadata: { index: 10, term: 4, confState: cs }, data: new Uint8Array() });
    expect(t.firstIndex()).toBe(11);
    expect(t.lastIndex()).toBe(10);
    expect(t.term(10)).toBe(4);
    expect(t.initialState().confState).toEqual(cs);
  });

  it('a storage built from a snapshot starts after it', () => {
    const cs = { voters: [1], learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false };
    const s = new MemoryStorage({
      snapshot: { metadata: { index: 5, term: 2, confState: cs }, data: new Uint8Array() },
      hardState: { term: 2, vote: 1, commit: 5 },
    });
    expect(s.firstIndex()).toBe(6);
    expect(s.term(5)).toBe(2);
    expect(s.initialState()).toEqual({ hardState: { term: 2, vote: 1, commit: 5 }, confState: cs });
  });
});
