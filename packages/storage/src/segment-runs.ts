// Where a group's entries sit in the node-wide log segments (keys.ts says
// why the log is ordered by segment first).
//
// The node writes every group's new entries into its current segment and
// moves to the next one after `logSegmentBytes` of entries (SegmentClock).
// A group's entries therefore lie in runs: [(first index, segment), ...],
// ascending in both, the entry `i` in the segment of the last run whose
// first index is <= i. Runs change only when the node moves to a new
// segment, when a suffix is overwritten, and when old entries are deleted,
// so the list is tiny. It is not stored: the node derives it from the keys
// at open (segment-scan.ts), so it can never disagree with them.
//
// The runs cover every entry key of the group that exists, including dead
// ones below the compaction point until the background deletion removed
// them: that deletion finds them through the runs.

import { assert } from './assert.js';
import { entryRange, type KeyRange, SEGMENT_MAX } from './keys.js';

export interface SegmentRun {
  readonly first: number;
  readonly segment: number;
}

/** A piece of a log range that lies in one segment: indexes lo <= i < hi. */
export interface SegmentPiece {
  readonly segment: number;
  readonly lo: number;
  readonly hi: number;
}

export class SegmentRuns {
  private runs: SegmentRun[];

  constructor(runs: readonly SegmentRun[] = []) {
    for (let i = 1; i < runs.length; i++) {
      assert(
        runs[i]!.first > runs[i - 1]!.first && runs[i]!.segment > runs[i - 1]!.segment,
        'SegmentRuns: runs must ascend in first index and segment',
      );
    }
    this.runs = runs.slice();
  }

  get length(): number {
    return this.runs.length;
  }

  /** The lowest index any entry key of the group may have (dead ones included); undefined with no runs. */
  get lowest(): number | undefined {
    return this.runs[0]?.first;
  }

  /** The segment entry `i` is (or would be) in; undefined below the first run. */
  segmentOf(i: number): number | undefined {
    let lo = 0;
    let hi = this.runs.length - 1;
    if (hi < 0 || this.runs[0]!.first > i) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.runs[mid]!.first <= i) lo = mid;
      else hi = mid - 1;
    }
    return this.runs[lo]!.segment;
  }

  /** Records that entries from `index` on (the next after the current last) go to `segment`. */
  push(index: number, segment: number): void {
    const last = this.runs[this.runs.length - 1];
    if (last !== undefined) {
      if (last.segment === segment) return;
      assert(segment > last.segment, `SegmentRuns.push: segment ${segment} after ${last.segment}`);
      assert(index > last.first, `SegmentRuns.push(${index}) not after run start ${last.first}`);
    }
    this.runs.push({ first: index, segment });
  }

  /** Forgets the runs of entries >= index (a suffix being replaced: its keys are deleted in the same batch). */
  truncateFrom(index: number): void {
    while (this.runs.length > 0 && this.runs[this.runs.length - 1]!.first >= index) this.runs.pop();
  }

  /** Forgets the runs that hold only entries below `index` (their keys were deleted). */
  dropBelow(index: number): void {
    while (this.runs.length > 1 && this.runs[1]!.first <= index) this.runs.shift();
  }

  /** The pieces of [lo, hi) per segment, ascending; indexes below the first run are in no segment. */
  pieces(lo: number, hi: number): SegmentPiece[] {
    const out: SegmentPiece[] = [];
    for (let k = 0; k < this.runs.length; k++) {
      const from = Math.max(lo, this.runs[k]!.first);
      const to = Math.min(hi, this.runs[k + 1]?.first ?? Number.MAX_SAFE_INTEGER);
      if (from < to) out.push({ segment: this.runs[k]!.segment, lo: from, hi: to });
    }
    return out;
  }

  /** The key ranges of [lo, hi) of group `gid`, ascending. */
  ranges(gid: number, lo: number, hi: number): KeyRange[] {
    return this.pieces(lo, hi).map((p) => entryRange(p.segment, gid, p.lo, p.hi));
  }

  /** Segments that may hold entries below `index`. */
  segmentsBelow(index: number): number[] {
    return this.runs.filter((r) => r.first < index).map((r) => r.segment);
  }

  toArray(): readonly SegmentRun[] {
    return this.runs.slice();
  }
}

/**
 * The node's current segment: every group's new entries go there, and the
 * node moves to the next one after `segmentBytes` of entry data. A new
 * segment starts at every open, above every segment on disk.
 */
export class SegmentClock {
  private bytes = 0;

  constructor(
    private segment: number,
    private readonly segmentBytes: number,
  ) {
    assert(segment >= 0 && segment <= SEGMENT_MAX, `segment out of range: ${segment}`);
  }

  get current(): number {
    return this.segment;
  }

  /** Counts `n` bytes written into the current segment; moves on once it is full. */
  add(n: number): void {
    this.bytes += n;
    if (this.bytes >= this.segmentBytes) {
      assert(this.segment < SEGMENT_MAX, 'log segments exhausted');
      this.segment++;
      this.bytes = 0;
    }
  }
}
