// The part of the log not yet persisted: entries (and possibly an incoming
// snapshot) that the next Ready hands to the driver to write, as
// etcd-io/raft log_unstable.go.

import type { Entry, Snapshot } from './types.js';

export class Unstable {
  /** An incoming snapshot not yet persisted. */
  snapshot: Snapshot | undefined = undefined;
  /** Entries not yet persisted. Invariant: entries[i].index === offset + i. */
  entries: Entry[] = [];
  /** Index of entries[0] (or where it would be). */
  offset: number;

  constructor(offset: number) {
    this.offset = offset;
  }

  maybeFirstIndex(): number | undefined {
    return this.snapshot ? this.snapshot.metadata.index + 1 : undefined;
  }

  maybeLastIndex(): number | undefined {
    if (this.entries.length > 0) return this.offset + this.entries.length - 1;
    return this.snapshot ? this.snapshot.metadata.index : undefined;
  }

  maybeTerm(i: number): number | undefined {
    if (i < this.offset) {
      if (this.snapshot && this.snapshot.metadata.index === i) return this.snapshot.metadata.term;
      return undefined;
    }
    const e = this.entries[i - this.offset];
    return e?.term;
  }

  /** Entries up to (i, t) were persisted: drop them, if they are still what we hold. */
  stableTo(i: number, t: number): void {
    const term = this.maybeTerm(i);
    if (term === undefined || i < this.offset) return;
    // A newer append may have replaced the entry since the Ready was made.
    if (term !== t) return;
    this.entries = this.entries.slice(i + 1 - this.offset);
    this.offset = i + 1;
  }

  stableSnapTo(i: number): void {
    if (this.snapshot && this.snapshot.metadata.index === i) this.snapshot = undefined;
  }

  restore(s: Snapshot): void {
    this.offset = s.metadata.index + 1;
    this.entries = [];
    this.snapshot = s;
  }

  truncateAndAppend(ents: readonly Entry[]): void {
    const from = ents[0]!.index;
    if (from === this.offset + this.entries.length) {
      for (const e of ents) this.entries.push(e);
    } else if (from <= this.offset) {
      // Replaces everything unstable; the driver overwrites storage from `from`.
      this.offset = from;
      this.entries = ents.slice();
    } else {
      this.entries = this.entries.slice(0, from - this.offset);
      for (const e of ents) this.entries.push(e);
    }
  }

  slice(lo: number, hi: number): Entry[] {
    if (lo < this.offset || hi > this.offset + this.entries.length) {
      throw new Error(
        `Unstable.slice(${lo}, ${hi}) out of [${this.offset}, ${this.offset + this.entries.length}]`,
      );
    }
    return this.entries.slice(lo - this.offset, hi - this.offset);
  }
}
