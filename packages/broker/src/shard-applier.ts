// The apply side of a shard replica: committed entries (and snapshots) into
// the shard state, in log order, and the state's persistence. The same on
// every replica; the leader additionally hears of each applied entry
// (onEntry) to answer its producers.

import {
  type ConfChange,
  type ConfState,
  decodeConfChange,
  type Entry,
  EntryType,
  type Snapshot,
} from '@rheo/raft';
import type { GroupLog } from '@rheo/storage';
import type { ReplicaOptions } from './options.js';
import { STATE_KEY, stateFromSnapshot } from './replica-open.js';
import { applyEntry, type BatchOutcome } from './shard-apply.js';
import type { ShardState } from './shard-state.js';

export interface ApplierHooks {
  /** The core's applyConfChange: a committed membership change takes effect. */
  applyConfChange(cc: ConfChange): ConfState;
  /** An entry was applied; `outcomes` per batch for a data entry applied now, else undefined. */
  onEntry(e: Entry, outcomes: BatchOutcome[] | undefined): void;
  /** A state write failed: the replica must stop. */
  onFatal(err: unknown): void;
}

export class ShardApplier {
  /** The index the core has applied (what it hands entries after). */
  applied: number;
  /** Conf changes at or below this index are already in the core's configuration. */
  private confIndex: number;
  private persistedIndex: number;
  private persistedMs: number;

  constructor(
    private readonly log: GroupLog,
    public state: ShardState,
    applied: number,
    private readonly options: ReplicaOptions,
    private readonly nowMs: () => number,
    private readonly hooks: ApplierHooks,
  ) {
    this.applied = applied;
    this.confIndex = log.confState().index;
    this.persistedIndex = state.appliedIndex;
    this.persistedMs = nowMs();
  }

  apply(snap: Snapshot | undefined, entries: readonly Entry[]): void {
    if (snap !== undefined) this.installSnapshot(snap);
    const state = this.state;
    for (const e of entries) {
      let outcomes: BatchOutcome[] | undefined;
      if (e.type === EntryType.ConfChange) this.applyConfChange(e);
      // Entries the state already reflects (it came from a newer snapshot or state) are not applied again.
      else if (e.index > state.appliedIndex && e.data.length > 0)
        outcomes = applyEntry(state, e.index, e.data);
      if (e.index > state.appliedIndex) state.appliedIndex = e.index;
      this.applied = e.index;
      this.hooks.onEntry(e, outcomes);
    }
    this.maybePersist();
  }

  private installSnapshot(snap: Snapshot): void {
    this.state = stateFromSnapshot(snap.data, snap.metadata.index, this.options);
    this.applied = snap.metadata.index;
    this.confIndex = snap.metadata.index;
    void this.persist(true);
  }

  private applyConfChange(e: Entry): void {
    if (e.index <= this.confIndex) return;
    const cc = decodeConfChange(e.data);
    if (cc === null) throw new Error(`entry ${e.index}: a conf-change entry that does not decode`);
    const confState = this.hooks.applyConfChange(cc);
    this.confIndex = e.index;
    if (e.index > this.state.appliedIndex) this.state.appliedIndex = e.index;
    // With the shard state in the same write: the stored membership never runs ahead of the stored state.
    this.persistedIndex = e.index;
    this.persistedMs = this.nowMs();
    this.log
      .applyState({ applied: e.index, confState, statePuts: [[STATE_KEY, this.state.encode()]] })
      .catch((err) => this.hooks.onFatal(err));
  }

  private maybePersist(): void {
    const o = this.options;
    if (this.applied <= this.persistedIndex) return;
    if (
      this.applied - this.persistedIndex >= o.statePersistEntries ||
      this.nowMs() - this.persistedMs >= o.statePersistIntervalMs
    )
      void this.persist(false);
  }

  /** Writes the state with the applied index; resolves once durable (synced when asked). */
  persist(sync: boolean): Promise<void> {
    this.state.pruneSkippedBelow(this.log.firstIndex());
    this.persistedIndex = this.applied;
    this.persistedMs = this.nowMs();
    const p = this.log.applyState({
      applied: this.applied,
      statePuts: [[STATE_KEY, this.state.encode()]],
      sync,
    });
    p.catch((err) => this.hooks.onFatal(err));
    return p;
  }
}
