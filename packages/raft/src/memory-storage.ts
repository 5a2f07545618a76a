// An in-memory RaftStorage for tests, the simulator and benchmarks. It keeps
// what a real storage keeps (hard state, membership, a snapshot and the log
// after it) with the same error behaviour, so a test that passes over it says
// something about the contract.

import { LogCompactedError, LogUnavailableError } from './errors.js';
import type { ConfState, Entry, HardState, RaftStorage, Snapshot } from './types.js';

const EMPTY_DATA = new Uint8Array(0);

export const EMPTY_CONF_STATE: ConfState = Object.freeze({
  voters: [],
  learners: [],
  votersOutgoing: [],
  learnersNext: [],
  autoLeave: false,
});

const EMPTY_HARD_STATE: HardState = Object.freeze({ term: 0, vote: 0, commit: 0 });

function emptySnapshot(): Snapshot {
  return { metadata: { index: 0, term: 0, confState: EMPTY_CONF_STATE }, data: EMPTY_DATA };
}

export class MemoryStorage implements RaftStorage {
  private hardState: HardState;
  private confState: ConfState;
  private snap: Snapshot;
  /**
   * ents[0] is a dummy entry holding the compaction point (the snapshot's
   * index and term); real entries follow it contiguously. Invariant:
   * ents[i].index === ents[0].index + i, and ents.length >= 1.
   */
  private ents: Entry[];

  constructor(init?: { hardState?: HardState; confState?: ConfState; snapshot?: Snapshot }) {
    this.snap = init?.snapshot ?? emptySnapshot();
    this.hardState = init?.hardState ?? EMPTY_HARD_STATE;
    this.confState = init?.confState ?? this.snap.metadata.confState;
    this.ents = [dummy(this.snap.metadata.index, this.snap.metadata.term)];
  }

  initialState(): { hardState: HardState; confState: ConfState } {
    return { hardState: this.hardState, confState: this.confState };
  }

  setHardState(hs: HardState): void {
    this.hardState = hs;
  }

  setConfState(cs: ConfState): void {
    this.confState = cs;
  }

  private offset(): number {
    return this.ents[0]!.index;
  }

  firstIndex(): number {
    return this.offset() + 1;
  }

  lastIndex(): number {
    return this.offset() + this.ents.length - 1;
  }

  term(i: number): number {
    const off = this.offset();
    if (i < off) throw new LogCompactedError(`term(${i}): compacted up to ${off}`);
    if (i > this.lastIndex()) throw new LogUnavailableError(`term(${i}): last index is ${this.lastIndex()}`);
    return this.ents[i - off]!.term;
  }

  entries(lo: number, hi: number, maxBytes: number): readonly Entry[] {
    const off = this.offset();
    if (lo <= off) throw new LogCompactedError(`entries(${lo}, ${hi}): compacted up to ${off}`);
    if (hi > this.lastIndex() + 1) {
      throw new LogUnavailableError(`entries(${lo}, ${hi}): last index is ${this.lastIndex()}`);
    }
    if (lo >= hi) return [];
    const out: Entry[] = [this.ents[lo - off]!];
    let size = out[0]!.data.byteLength;
    for (let i = lo + 1; i < hi; i++) {
      const e = this.ents[i - off]!;
      size += e.data.byteLength;
      if (size > maxBytes) break;
      out.push(e);
    }
    return out;
  }

  snapshot(): Snapshot {
    return this.snap;
  }

  /**
   * Appends entries, replacing any stored entries from entries[0].index on
   * (a new leader overwrote a conflicting suffix). Entries at or below the
   * compaction point are ignored: they are covered by the snapshot.
   */
  append(entries: readonly Entry[]): void {
    if (entries.length === 0) return;
    assertContiguous(entries);
    const first = this.firstIndex();
    const last = entries[entries.length - 1]!.index;
    if (last < first) return;
    const from = entries[0]!.index < first ? entries.slice(first - entries[0]!.index) : entries;
    const start = from[0]!.index;
    if (start > this.lastIndex() + 1) {
      throw new Error(`MemoryStorage.append: gap: last index ${this.lastIndex()}, appending from ${start}`);
    }
    this.ents.length = start - this.offset();
    for (const e of from) this.ents.push(e);
  }

  /** Replaces the log with the snapshot's compaction point (the log after it is discarded). */
  applySnapshot(snap: Snapshot): void {
    if (snap.metadata.index < this.snap.metadata.index) {
      throw new Error(
        `MemoryStorage.applySnapshot: snapshot at ${snap.metadata.index} is older than ${this.snap.metadata.index}`,
      );
    }
    this.snap = snap;
    this.confState = snap.metadata.confState;
    this.ents = [dummy(snap.metadata.index, snap.metadata.term)];
  }

  /** Drops the entries at or below `index`, keeping its term as the compaction point. No-op when already compacted. */
  compact(index: number): void {
    const off = this.offset();
    if (index <= off) return;
    if (index > this.lastIndex()) {
      throw new Error(`MemoryStorage.compact(${index}): past the last index ${this.lastIndex()}`);
    }
    const keep = this.ents.slice(index - off);
    keep[0] = dummy(index, keep[0]!.term);
    this.ents = keep;
  }

  /**
   * Records a snapshot at `index` (which must be in the log) with the
   * application's data; the log is not compacted (call `compact` for that).
   */
  createSnapshot(index: number, confState: ConfState, data: Uint8Array): Snapshot {
    if (index < this.snap.metadata.index) {
      throw new Error(
        `MemoryStorage.createSnapshot(${index}): older than snapshot ${this.snap.metadata.index}`,
      );
    }
    if (index > this.lastIndex()) {
      throw new Error(`MemoryStorage.createSnapshot(${index}): past the last index ${this.lastIndex()}`);
    }
    this.snap = { metadata: { index, term: this.term(index), confState }, data };
    return this.snap;
  }
}

function dummy(index: number, term: number): Entry {
  return { index, term, type: 0, data: EMPTY_DATA };
}

function assertContiguous(entries: readonly Entry[]): void {
  for (let i = 1; i < entries.length; i++) {
    if (entries[i]!.index !== entries[i - 1]!.index + 1) {
      throw new Error(
        `MemoryStorage.append: entries not contiguous at ${entries[i - 1]!.index} -> ${entries[i]!.index}`,
      );
    }
  }
}
