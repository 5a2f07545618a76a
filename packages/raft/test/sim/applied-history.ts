// The last few (state machine, membership) pairs a node applied, so that log
// compaction can snapshot a little behind the tip (keeping a tail of log for
// slightly lagging followers) with the exact state and membership at that
// index.

import type { ConfState, Snapshot } from '../../src/index.js';
import type { Prng } from './prng.js';
import { encodeSmState, type SmState } from './state-machine.js';

/** Bound on remembered applied states. */
const RECENT_APPLIED_MAX = 32;

export class AppliedHistory {
  private recent: { sm: SmState; cs: ConfState }[] = [];

  push(sm: SmState, cs: ConfState): void {
    this.recent.push({ sm, cs });
    if (this.recent.length > RECENT_APPLIED_MAX) this.recent.shift();
  }

  clear(): void {
    this.recent = [];
  }

  /** A snapshot of a random recent applied state inside (compacted, last], or null. */
  pickSnapshot(rng: Prng, compactedIndex: number, lastIndex: number): Snapshot | null {
    if (this.recent.length === 0) return null;
    const pick = this.recent[rng.int(this.recent.length)]!;
    if (pick.sm.index <= compactedIndex || pick.sm.index > lastIndex) return null;
    return {
      metadata: { index: pick.sm.index, term: pick.sm.term, confState: pick.cs },
      data: encodeSmState(pick.sm),
    };
  }
}
