// The Raft log as the core sees it: the persisted part behind RaftStorage
// and the unstable tail, with the commit and applied indexes, as
// etcd-io/raft log.go.

import { isLogCompacted, isLogUnavailable, LogCompactedError } from './errors.js';
import type { Entry, RaftStorage, Snapshot } from './types.js';
import { Unstable } from './unstable.js';

/** Sum of entry data sizes: the unit of every byte bound in the core. */
export function entriesBytes(ents: readonly Entry[]): number {
  let n = 0;
  for (const e of ents) n += e.data.byteLength;
  return n;
}

/** Keeps a prefix of `ents` within `maxBytes`, but always at least one entry. */
export function limitSize(ents: readonly Entry[], maxBytes: number): readonly Entry[] {
  if (ents.length <= 1) return ents;
  let size = ents[0]!.data.byteLength;
  for (let i = 1; i < ents.length; i++) {
    size += ents[i]!.data.byteLength;
    if (size > maxBytes) return ents.slice(0, i);
  }
  return ents;
}

export class RaftLog {
  readonly unstable: Unstable;
  /**
   * Highest index known committed. Invariant: committed <= lastIndex(), and
   * applied <= committed except after a restart on a cut (damaged) log, when
   * the application may be ahead until the log catches up.
   */
  committed: number;
  /** Highest index the application has applied. */
  applied: number;
  /**
   * Highest index handed to the application in a Ready (>= applied): with
   * several Readies in flight, the next one's committed entries start after it.
   */
  applying: number;

  constructor(
    readonly storage: RaftStorage,
    /** Byte bound on the committed entries of one Ready (0 = none). */
    private readonly maxApplyBytes: number,
  ) {
    const first = storage.firstIndex();
    const last = storage.lastIndex();
    this.unstable = new Unstable(last + 1);
    this.committed = first - 1;
    this.applied = first - 1;
    this.applying = first - 1;
  }

  firstIndex(): number {
    return this.unstable.maybeFirstIndex() ?? this.storage.firstIndex();
  }

  lastIndex(): number {
    return this.unstable.maybeLastIndex() ?? this.storage.lastIndex();
  }

  /** The last index that is on disk (entries after it are only in memory). */
  persistedIndex(): number {
    if (this.unstable.snapshot) return 0;
    return this.unstable.offset - 1;
  }

  lastTerm(): number {
    return this.term(this.lastIndex()) ?? 0;
  }

  /** The term of entry i, or undefined when i is compacted or past the end. */
  term(i: number): number | undefined {
    const dummy = this.firstIndex() - 1;
    if (i < dummy || i > this.lastIndex()) return undefined;
    const t = this.unstable.maybeTerm(i);
    if (t !== undefined) return t;
    try {
      return this.storage.term(i);
    } catch (e) {
      if (isLogCompacted(e) || isLogUnavailable(e)) return undefined;
      throw e;
    }
  }

  matchTerm(i: number, t: number): boolean {
    return this.term(i) === t;
  }

  /**
   * Appends `ents` after (index, logTerm) if that entry matches, truncating a
   * conflicting suffix, and advances commit. Returns the last new index, or
   * undefined if (index, logTerm) does not match, or 'conflict-below-commit'
   * when the entries would rewrite committed history (a faulty leader).
   */
  maybeAppend(
    index: number,
    logTerm: number,
    committed: number,
    ents: readonly Entry[],
  ): number | undefined | 'conflict-below-commit' {
    if (!this.matchTerm(index, logTerm)) return undefined;
    const lastNew = index + ents.length;
    const ci = this.findConflict(ents);
    if (ci !== 0) {
      if (ci <= this.committed) return 'conflict-below-commit';
      this.append(ents.slice(ci - (index + 1)));
    }
    this.commitTo(Math.min(committed, lastNew));
    return lastNew;
  }

  append(ents: readonly Entry[]): number {
    if (ents.length === 0) return this.lastIndex();
    const after = ents[0]!.index - 1;
    if (after < this.committed)
      throw new Error(`RaftLog.append: index ${after} is below commit ${this.committed}`);
    this.unstable.truncateAndAppend(ents);
    return this.lastIndex();
  }

  /** The index of the first entry that is new or conflicts with ours; 0 when all are present. */
  findConflict(ents: readonly Entry[]): number {
    for (const e of ents) {
      if (!this.matchTerm(e.index, e.term)) return e.index;
    }
    return 0;
  }

  /**
   * The largest index <= `index` whose term is <= `term` (or the first
   * index we cannot look up): where our log may still agree with a leader's
   * log whose entry at `index` has `term`. Used for fast back-off.
   */
  findConflictByTerm(index: number, term: number): { index: number; term: number } {
    for (; index > 0; index--) {
      const t = this.term(index);
      if (t === undefined) return { index, term: 0 };
      if (t <= term) return { index, term: t };
    }
    return { index: 0, term: 0 };
  }

  unstableEntries(): readonly Entry[] {
    return this.unstable.entries;
  }

  hasNextCommittedEnts(): boolean {
    return this.committed > this.applying && !this.unstable.snapshot;
  }

  /** Committed entries to apply next, bounded by bytes; null when storage has not loaded them yet. */
  nextCommittedEnts(): readonly Entry[] | null {
    if (!this.hasNextCommittedEnts()) return [];
    const max = this.maxApplyBytes > 0 ? this.maxApplyBytes : Number.POSITIVE_INFINITY;
    return this.slice(this.applying + 1, this.committed + 1, max);
  }

  snapshot(): Snapshot {
    return this.unstable.snapshot ?? this.storage.snapshot();
  }

  commitTo(i: number): void {
    if (i <= this.committed) return;
    if (i > this.lastIndex())
      throw new Error(`RaftLog.commitTo(${i}) is past the last index ${this.lastIndex()}`);
    this.committed = i;
  }

  appliedTo(i: number): void {
    if (i === 0) return;
    if (i > this.committed || i < this.applied) {
      throw new Error(
        `RaftLog.appliedTo(${i}) out of range [applied ${this.applied}, committed ${this.committed}]`,
      );
    }
    this.applied = i;
    this.applying = Math.max(this.applying, i);
  }

  /** The application's state was replaced (a snapshot, a state machine ahead of a cut log). */
  resetApplied(i: number): void {
    this.applied = i;
    this.applying = i;
  }

  maybeCommit(maxIndex: number, term: number): boolean {
    // Only an entry of the leader's own term is committed by counting (Raft §5.4.2).
    if (maxIndex > this.committed && this.term(maxIndex) === term) {
      this.commitTo(maxIndex);
      return true;
    }
    return false;
  }

  restore(s: Snapshot): void {
    this.committed = s.metadata.index;
    this.unstable.restore(s);
  }

  /** Whether a log ending at (lastIndex, lastTerm) is at least as up to date as ours (Raft §5.4.1). */
  isUpToDate(lastIndex: number, lastTerm: number): boolean {
    const ourTerm = this.lastTerm();
    return lastTerm > ourTerm || (lastTerm === ourTerm && lastIndex >= this.lastIndex());
  }

  /**
   * Entries [lo, hi) within maxBytes (at least one). Throws LogCompactedError
   * when lo is compacted; returns null when storage has not loaded them yet.
   */
  slice(lo: number, hi: number, maxBytes: number): readonly Entry[] | null {
    if (lo >= hi) return [];
    if (lo < this.firstIndex())
      throw new LogCompactedError(`slice(${lo}): first index is ${this.firstIndex()}`);
    if (hi > this.lastIndex() + 1)
      throw new Error(`RaftLog.slice(${lo}, ${hi}) past last index ${this.lastIndex()}`);
    const off = this.unstable.offset;
    if (lo >= off) return limitSize(this.unstable.slice(lo, hi), maxBytes);
    const stored = this.storage.entries(lo, Math.min(hi, off), maxBytes);
    if (stored === null) return null;
    if (hi <= off || stored.length < Math.min(hi, off) - lo) return stored;
    const more = this.unstable.slice(off, hi);
    if (more.length === 0) return stored;
    return limitSize([...stored, ...more], maxBytes);
  }
}
