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
  /**
   * The last index handed to the driver in a Ready and not yet stable: with
   * several Readies in flight, the next one carries only the entries after
   * it. Invariant: offset - 1 <= inProgress < offset + entries.length.
   */
  inProgress: number;
  /** The snapshot was handed out in a Ready and is being written. */
  snapshotInProgress = false;

  constructor(offset: number) {
    this.offset = offset;
    this.inProgress = offset - 1;
  }

  /** Entries not yet handed out for persistence. */
  toPersist(): Entry[] {
    const from = this.inProgress + 1 - this.offset;
    return from === 0 ? this.entries.slice() : this.entries.slice(from);
  }

  hasToPersist(): boolean {
    return this.offset + this.entries.length - 1 > this.inProgress;
  }

  /** The driver took every unstable entry (and the snapshot) in a Ready. */
  acceptInProgress(): void {
    this.inProgress = this.offset + this.entries.length - 1;
    if (this.snapshot) this.snapshotInProgress = true;
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
    this.inProgress = Math.max(this.inProgress, i);
  }

  stableSnapTo(i: number): void {
    if (this.snapshot && this.snapshot.metadata.index === i) {
      this.snapshot = undefined;
      this.snapshotInProgress = false;
    }
  }

  restore(s: Snapshot): void {
    this.offset = s.metadata.index + 1;
    this.inProgress = s.metadata.index;
    this.entries = [];
    this.snapshot = s;
    this.snapshotInProgress = false;
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
    // Entries from `from` on are new, even where a Ready in flight is writing older ones there.
    this.inProgress = Math.min(this.inProgress, from - 1);
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
