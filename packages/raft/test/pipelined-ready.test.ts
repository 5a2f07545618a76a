// RawNode with several Readies in flight (maxReadiesInFlight > 1): each
// Ready carries only what the earlier ones did not (entries not yet handed
// out, committed entries after those handed out), Readies are advanced in
// the order handed out, a follower's log rewritten while a write is in flight
// hands out the new entries again, and a snapshot goes alone. The same core
// with the default of 1 behaves as before (the rest of the suite).
import { describe, expect, it } from 'vitest';
import { type Entry, MemoryStorage, MessageType, newMessage, type Ready, Role } from '../src/index.js';
import { RawNode } from '../src/raw-node.js';
import { baseConfig, confState } from './helpers/network.js';

const indexes = (es: readonly Entry[]) => es.map((e) => e.index);
const data = (s: string) => new TextEncoder().encode(s);

/** Persists a Ready into MemoryStorage as a driver's write would (entries, then hard state). */
function persist(storage: MemoryStorage, rd: Ready): void {
  if (rd.snapshot) storage.applySnapshot(rd.snapshot);
  if (rd.entries.length > 0) storage.append(rd.entries);
  if (rd.hardState) storage.setHardState(rd.hardState);
}

/** An App to follower 2 (fields not given are newMessage's defaults). */
function app(from: number, term: number, entries: Entry[], after?: { index: number; logTerm: number }) {
  return newMessage({ type: MessageType.App, from, to: 2, term, entries, ...(after ?? {}) });
}

function loneLeader(readies: number): { n: RawNode; storage: MemoryStorage } {
  const storage = new MemoryStorage({ confState: confState([1]) });
  const n = new RawNode({ ...baseConfig(1, storage, 1), maxReadiesInFlight: readies });
  n.campaign();
  // Elected alone: take and finish Readies until the leader's no-op is applied.
  while (n.hasReady()) {
    const rd = n.ready();
    persist(storage, rd);
    n.advance(rd);
  }
  expect(n.status().role).toBe(Role.Leader);
  return { n, storage };
}

describe('RawNode with several Readies in flight', () => {
  it('hands out each entry once, and committed entries once, across Readies in flight', () => {
    const { n, storage } = loneLeader(3);
    const start = n.lastIndex();
    n.propose(data('a'));
    const r1 = n.ready();
    expect(indexes(r1.entries)).toEqual([start + 1]);
    n.propose(data('b'));
    n.propose(data('c'));
    expect(n.hasReady()).toBe(true);
    const r2 = n.ready();
    expect(indexes(r2.entries)).toEqual([start + 2, start + 3]);
    // r1's write lands; the lone voter's own log counts once advanced.
    persist(storage, r1);
    n.advance(r1);
    const r3 = n.ready();
    expect(r3.entries).toEqual([]);
    expect(indexes(r3.committedEntries)).toEqual([start + 1]);
    persist(storage, r2);
    n.advance(r2);
    const r4 = n.ready();
    // start + 1 was handed out in r3 (not yet advanced): not again.
    expect(indexes(r4.committedEntries)).toEqual([start + 2, start + 3]);
    n.advance(r3);
    n.advance(r4);
    expect(n.status().applied).toBe(start + 3);
    expect(n.hasReady()).toBe(false);
  });

  it('stops at the bound, and Readies are advanced in the order handed out', () => {
    const { n } = loneLeader(2);
    n.propose(data('a'));
    const r1 = n.ready();
    n.propose(data('b'));
    const r2 = n.ready();
    n.propose(data('c'));
    expect(n.hasReady()).toBe(false);
    expect(() => n.ready()).toThrow(/2 Readies in flight \(max 2/);
    expect(() => n.advance(r2)).toThrow(/not the oldest outstanding Ready/);
    n.advance(r1);
    expect(n.hasReady()).toBe(true);
    n.advance(r2);
    expect(() => n.advance(r2)).toThrow(/no Ready is outstanding/);
  });

  it("a follower's entries replaced while their write is in flight are handed out again", () => {
    const storage = new MemoryStorage({ confState: confState([1, 2, 3]) });
    const f = new RawNode({ ...baseConfig(2, storage, 1), maxReadiesInFlight: 4 });
    const ent = (index: number, term: number): Entry => ({
      index,
      term,
      type: 0,
      data: data(`${index}/${term}`),
    });
    f.step(app(1, 1, [ent(1, 1), ent(2, 1), ent(3, 1)]));
    const r1 = f.ready();
    expect(indexes(r1.entries)).toEqual([1, 2, 3]);
    // A new leader (term 2) overwrites from index 2 while r1 is being written.
    f.step(app(3, 2, [ent(2, 2)], { index: 1, logTerm: 1 }));
    const r2 = f.ready();
    expect(r2.entries.map((e) => `${e.index}/${e.term}`)).toEqual(['2/2']);
    persist(storage, r1);
    f.advance(r1);
    // r1's entries 2 and 3 were replaced: only 1 is stable; 2/2 is still to be written.
    expect(f.status().lastIndex).toBe(2);
    persist(storage, r2);
    f.advance(r2);
    expect(f.hasReady()).toBe(false);
    expect(storage.lastIndex()).toBe(2);
    expect(storage.term(2)).toBe(2);
  });

  it('a snapshot goes alone: not behind Readies in flight, and nothing follows it until advanced', () => {
    const storage = new MemoryStorage({ confState: confState([1, 2, 3]) });
    const f = new RawNode({ ...baseConfig(2, storage, 1), maxReadiesInFlight: 4 });
    const ent = (index: number): Entry => ({ index, term: 1, type: 0, data: data(`${index}`) });
    f.step(app(1, 1, [ent(1)]));
    const r1 = f.ready();
    f.step(
      newMessage({
        type: MessageType.Snap,
        from: 1,
        to: 2,
        term: 1,
        snapshot: {
          metadata: { index: 10, term: 1, confState: confState([1, 2, 3]) },
          data: new Uint8Array(),
        },
      }),
    );
    expect(f.hasReady()).toBe(false);
    persist(storage, r1);
    f.advance(r1);
    const r2 = f.ready();
    expect(r2.snapshot?.metadata.index).toBe(10);
    f.step(app(1, 1, [ent(11)], { index: 10, logTerm: 1 }));
    expect(f.hasReady()).toBe(false);
    persist(storage, r2);
    f.advance(r2);
    const r3 = f.ready();
    expect(indexes(r3.entries)).toEqual([11]);
    expect(r3.snapshot).toBeUndefined();
  });

  it('refuses a bad bound', () => {
    const storage = new MemoryStorage({ confState: confState([1]) });
    for (const bad of [0, 65, 1.5])
      expect(() => new RawNode({ ...baseConfig(1, storage, 1), maxReadiesInFlight: bad })).toThrow(
        /maxReadiesInFlight must be an integer from 1 to 64/,
      );
  });
});
