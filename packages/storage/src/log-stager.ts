// The staged view of one group's log: the log as of every write submitted
// to the group-commit writer, durable or not. The next write's batch ops
// are computed from it — which stale suffix keys to delete, whether the term
// runs changed, where the next time-index point goes — so they are right
// even while earlier writes of the group are still in flight. GroupLog moves
// its durable view when each write's onDurable runs.

import type { Entry, Snapshot } from '@rheo/raft';
import { assert, assertSafeIndex } from './assert.js';
import type { BatchOp } from './group-commit-writer.js';
import { entryKey, GroupKind, groupKey, timePointKey } from './keys.js';
import type { StorageOptions } from './options.js';
import { encodeEntry, encodeTermRuns, encodeTimePoint, type StoredEntry, type TermRun } from './records.js';
import type { SegmentClock, SegmentRuns } from './segment-runs.js';
import type { TermRuns } from './term-runs.js';

export interface StagedEntries {
  readonly stored: StoredEntry[];
  readonly last: number;
  /** The term runs after this write, when it changed them. */
  readonly runs: TermRuns | undefined;
}

export class LogStager {
  /** Bumped when a suffix overwrite or a snapshot is staged: reads that raced one may come up short. */
  epoch = 0;
  private maxTimeMs: number;
  private lastPointTimeMs: number;
  private lastPointIndex: number;

  constructor(
    private readonly gid: number,
    private readonly name: string,
    private readonly options: StorageOptions,
    public first: number,
    public last: number,
    private readonly runs: TermRuns,
    /** Shared with the GroupLog: the staged view of where the entries are. */
    private readonly segments: SegmentRuns,
    private readonly clock: SegmentClock,
    time: { maxTimeMs: number; lastPoint: { timeMs: number; index: number } | undefined },
  ) {
    this.maxTimeMs = time.maxTimeMs;
    this.lastPointTimeMs = time.lastPoint?.timeMs ?? -1;
    this.lastPointIndex = time.lastPoint?.index ?? 0;
  }

  /** A snapshot from the leader replaces the log: everything after it is deleted, the runs restart at it. */
  stageSnapshot(s: Snapshot, ops: BatchOp[]): TermRuns {
    const index = s.metadata.index;
    this.deleteEntries(index + 1, this.last + 1, ops);
    // Entries at or below the snapshot stay in the segment runs until the background deletion removed them.
    this.segments.truncateFrom(index + 1);
    this.runs.reset(index, s.metadata.term);
    ops.push(this.runsOp());
    this.first = index + 1;
    this.last = index;
    this.epoch++;
    return this.runs.clone();
  }

  /** Appends entries, replacing any staged entries from entries[0].index on; undefined when all are compacted. */
  stageEntries(all: readonly Entry[], ops: BatchOp[]): StagedEntries | undefined {
    // Entries at or below the compaction point are covered by the snapshot.
    const skip = Math.max(0, this.first - all[0]!.index);
    if (skip >= all.length) return undefined;
    const entries = skip > 0 ? all.slice(skip) : all;
    const from = entries[0]!.index;
    const newLast = entries[entries.length - 1]!.index;
    assert(from <= this.last + 1, `${this.name}: append at ${from} leaves a gap after ${this.last}`);
    const segment = this.clock.current;
    // A new leader overwrote a suffix: its stale entries go in the same batch, before the new
    // ones' puts. Those in the current segment are overwritten in place; the others are deleted.
    this.deleteEntries(from, this.last + 1, ops, (s, i) => s === segment && i <= newLast);
    let runsChanged = false;
    if (from <= this.last) {
      runsChanged = this.runs.truncateFrom(from);
      this.segments.truncateFrom(from);
      this.epoch++;
    }
    this.segments.push(from, segment);
    const stored: StoredEntry[] = new Array(entries.length);
    let bytes = 0;
    for (let j = 0; j < entries.length; j++) {
      const e = entries[j]!;
      assert(e.index === from + j, `${this.name}: entries not contiguous at ${e.index}`);
      assertSafeIndex(e.term, 'entry term');
      const timeMs = this.entryTime(e);
      const key = entryKey(segment, this.gid, e.index);
      const value = encodeEntry(key, e, timeMs);
      ops.push({ type: 'put', key, value });
      bytes += key.byteLength + value.byteLength;
      stored[j] = { index: e.index, term: e.term, type: e.type, data: e.data, timeMs };
      runsChanged = this.runs.push(e.index, e.term) || runsChanged;
      this.stageTimePoint(e, timeMs, ops);
    }
    if (runsChanged) ops.push(this.runsOp());
    // Counted after the whole write, so one write never straddles two segments.
    this.clock.add(bytes);
    this.last = newLast;
    return { stored, last: newLast, runs: runsChanged ? this.runs.clone() : undefined };
  }

  /** Moves the first index to `index + 1` (a trim's compaction point); returns the runs to persist. */
  stageCompaction(index: number): readonly TermRun[] {
    this.runs.compactTo(index);
    this.first = index + 1;
    return this.runs.toArray();
  }

  /** Deletes the staged entries lo <= i < hi, except those a put of this write replaces in place. */
  private deleteEntries(
    lo: number,
    hi: number,
    ops: BatchOp[],
    overwritten: (segment: number, i: number) => boolean = () => false,
  ): void {
    for (const p of this.segments.pieces(lo, hi)) {
      for (let i = p.lo; i < p.hi; i++) {
        if (!overwritten(p.segment, i)) ops.push({ type: 'del', key: entryKey(p.segment, this.gid, i) });
      }
    }
  }

  private runsOp(): BatchOp {
    const key = groupKey(this.gid, GroupKind.TermRuns);
    return { type: 'put', key, value: encodeTermRuns(key, this.runs.toArray()) };
  }

  private entryTime(e: Entry): number {
    const t = this.options.entryTimeMs?.(e) ?? this.options.nowMs();
    return Math.max(0, Math.floor(t));
  }

  /**
   * A time point says "every entry before `index` arrived before `timeMs`",
   * so one is written only for an entry strictly later than every entry
   * before it; then at most one per timeIndexIntervalMs or timeIndexEntriesMax.
   */
  private stageTimePoint(e: Entry, timeMs: number, ops: BatchOp[]): void {
    const o = this.options;
    const due =
      this.lastPointTimeMs < 0 ||
      timeMs >= this.lastPointTimeMs + o.timeIndexIntervalMs ||
      e.index >= this.lastPointIndex + o.timeIndexEntriesMax;
    if (timeMs > this.maxTimeMs && due) {
      const key = timePointKey(this.gid, timeMs);
      ops.push({ type: 'put', key, value: encodeTimePoint(key, e.index, e.term) });
      this.lastPointTimeMs = timeMs;
      this.lastPointIndex = e.index;
    }
    this.maxTimeMs = Math.max(this.maxTimeMs, timeMs);
  }
}
