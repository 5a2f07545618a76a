// A MemoryStorage plus the chain hash (hash.ts) at every retained index, kept
// up to date on every mutation so that checkers compare logs in O(1) per
// entry instead of rescanning whole logs at every step.

import { type ConfState, type Entry, type HardState, MemoryStorage, type Snapshot } from '../../src/index.js';
import { chainNext } from './hash.js';
import { decodeSmState } from './state-machine.js';

export class ChainedLog {
  readonly store: MemoryStorage;
  /** chains[i] is the chain hash at index offset + i (i = 0 is the compaction point). */
  private chains: number[];

  constructor(init: { hardState?: HardState; confState?: ConfState; snapshot?: Snapshot }) {
    this.store = new MemoryStorage(init);
    this.chains = [init.snapshot ? decodeSmState(init.snapshot.data).chain : 0];
  }

  private offset(): number {
    return this.store.firstIndex() - 1;
  }

  /** The chain hash at index i, or undefined when i is compacted away or past the end. */
  chainAt(i: number): number | undefined {
    return this.chains[i - this.offset()];
  }

  lastIndex(): number {
    return this.store.lastIndex();
  }

  append(entries: readonly Entry[]): void {
    if (entries.length === 0) return;
    this.store.append(entries);
    const off = this.offset();
    const first = Math.max(entries[0]!.index, off + 1);
    this.chains.length = first - off;
    for (const e of entries) {
      if (e.index < first) continue;
      this.chains.push(chainNext(this.chains[this.chains.length - 1]!, e));
    }
  }

  applySnapshot(snap: Snapshot): void {
    this.store.applySnapshot(snap);
    this.chains = [decodeSmState(snap.data).chain];
  }

  /**
   * Records the snapshot and compacts the log exactly at its index. The
   * simulation keeps the compaction point equal to the snapshot index, so a
   * copy of the log is always "snapshot + the entries after it".
   */
  compact(snap: Snapshot): void {
    const index = snap.metadata.index;
    if (index <= this.offset() || index > this.lastIndex()) return;
    this.store.createSnapshot(index, snap.metadata.confState, snap.data);
    this.chains = this.chains.slice(index - this.offset());
    this.store.compact(index);
  }

  /** A copy holding entries up to `last` only (all of them by default). */
  copy(last = this.lastIndex()): ChainedLog {
    const { hardState, confState } = this.store.initialState();
    const out = new ChainedLog({ hardState, confState, snapshot: this.store.snapshot() });
    const first = this.offset() + 1;
    const hi = Math.min(last, this.lastIndex());
    if (hi >= first) out.append(this.store.entries(first, hi + 1, Number.MAX_SAFE_INTEGER));
    return out;
  }

  setHardState(hs: HardState): void {
    this.store.setHardState(hs);
  }

  setConfState(cs: ConfState): void {
    this.store.setConfState(cs);
  }
}
