// The terms of a group's log as runs of equal term: [(start, term), ...] in
// ascending start order. The first run starts at the compaction point (the
// snapshot's index, whose term the core asks for as term(firstIndex - 1)); the
// last run extends to the last index. Terms change only on elections, so the
// list is tiny and `term(i)` is a binary search in memory — which is what
// lets RaftStorage.term stay synchronous over a log that lives on disk.

import { assert } from './assert.js';
import type { TermRun } from './records.js';

export class TermRuns {
  /** Invariant: non-empty, starts strictly ascending, adjacent runs have different terms, terms non-decreasing. */
  private runs: TermRun[];

  constructor(runs: readonly TermRun[]) {
    assert(runs.length > 0, 'TermRuns: at least one run (the compaction point)');
    this.runs = runs.slice();
  }

  static at(index: number, term: number): TermRuns {
    return new TermRuns([{ start: index, term }]);
  }

  get base(): number {
    return this.runs[0]!.start;
  }

  /** Term of entry `i`; the caller checks base <= i <= last index. */
  termAt(i: number): number {
    assert(i >= this.base, `TermRuns.termAt(${i}) below base ${this.base}`);
    let lo = 0;
    let hi = this.runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.runs[mid]!.start <= i) lo = mid;
      else hi = mid - 1;
    }
    return this.runs[lo]!.term;
  }

  lastTerm(): number {
    return this.runs[this.runs.length - 1]!.term;
  }

  /** Drops the runs of entries >= index (a suffix being replaced). Returns whether the list changed. */
  truncateFrom(index: number): boolean {
    assert(index > this.base, `TermRuns.truncateFrom(${index}) at or below base ${this.base}`);
    const before = this.runs.length;
    while (this.runs.length > 1 && this.runs[this.runs.length - 1]!.start >= index) this.runs.pop();
    return this.runs.length !== before;
  }

  /** Records that entry `index` (the next after the current last) has `term`. Returns whether the list changed. */
  push(index: number, term: number): boolean {
    const last = this.runs[this.runs.length - 1]!;
    if (last.term === term) return false;
    assert(index > last.start, `TermRuns.push(${index}) not after run start ${last.start}`);
    this.runs.push({ start: index, term });
    return true;
  }

  /** Moves the base forward to `index` (the new compaction point). */
  compactTo(index: number): void {
    if (index <= this.base) return;
    const term = this.termAt(index);
    while (this.runs.length > 1 && this.runs[1]!.start <= index) this.runs.shift();
    this.runs[0] = { start: index, term };
  }

  /** Replaces every run with one at `index` (a snapshot discarded the log). */
  reset(index: number, term: number): void {
    this.runs = [{ start: index, term }];
  }

  clone(): TermRuns {
    return new TermRuns(this.runs);
  }

  toArray(): readonly TermRun[] {
    return this.runs.slice();
  }

  equals(other: TermRuns): boolean {
    const a = this.runs;
    const b = other.runs;
    return a.length === b.length && a.every((r, i) => r.start === b[i]!.start && r.term === b[i]!.term);
  }
}
