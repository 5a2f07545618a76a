// A simulated disk for one node: a RaftStorage whose durable part is a
// MemoryStorage (via ChainedLog) and whose writes first land in an unsynced
// buffer, as a page cache does. The node reads its own writes at once (the
// `view`); only `sync` (fsync) makes them durable, and a crash keeps the
// durable part plus, at most, a prefix of the buffer (a torn write).
//
// Damage (bit flips, a truncated tail) is injected into the durable part of
// a crashed node only. Each durable entry carries a checksum and the disk
// remembers its expected last index, so recovery finds the damage, cuts the
// log at the last good entry and reports `needsRepair` until a Ready says
// `repaired`.

import type { ConfState, Entry, HardState, RaftStorage, Snapshot } from '../../src/index.js';
import { ChainedLog } from './chained-log.js';
import { Hash53 } from './hash.js';
import type { Prng } from './prng.js';
import { decodeSmState, SM_EMPTY, type SmState } from './state-machine.js';

export type DiskOp =
  | { readonly kind: 'snapshot'; readonly snap: Snapshot }
  | { readonly kind: 'entries'; readonly entries: readonly Entry[] }
  | { readonly kind: 'hardState'; readonly hs: HardState }
  | { readonly kind: 'applied'; readonly sm: SmState; readonly confState?: ConfState }
  | { readonly kind: 'compact'; readonly snap: Snapshot }
  | { readonly kind: 'repaired' };

/** Bound on unsynced ops: a driver that never syncs is a bug, not a workload. */
const PENDING_OPS_MAX = 10_000;

export function entryChecksum(e: Entry): number {
  return new Hash53(99).mix(e.index).mix(e.term).mix(e.type).mixBytes(e.data).value();
}

interface Durable {
  log: ChainedLog;
  sm: SmState;
  needsRepair: boolean;
  /** Written with every durable change; a shorter log on recovery means a lost tail. */
  expectedLastIndex: number;
  checksums: Map<number, number>;
}

export interface RecoveryReport {
  readonly damagedFrom: number | null;
  readonly needsRepair: boolean;
}

export class SimDisk implements RaftStorage {
  private durable: Durable;
  private view: ChainedLog;
  private pending: DiskOp[] = [];
  /** Simulated cache misses: `entries` answers null until the driver's clock passes this. */
  private loadingUntilTick = -1;
  now = 0;
  cacheMissProbability = 0;
  /** A deliberately broken storage (test of the checkers): damage is cut but not reported. */
  hideDamage = false;
  onCacheMiss: ((readyAtTick: number) => void) | null = null;

  /**
   * A founding member starts from the bootstrap snapshot (the group's first
   * membership at index 1, see bootstrapSnapshot); a joiner starts empty and
   * learns the membership from a leader's snapshot.
   */
  constructor(
    init: { snapshot?: Snapshot },
    private readonly rng: Prng,
  ) {
    const snap = init.snapshot;
    const log = new ChainedLog(
      snap
        ? { snapshot: snap, hardState: { term: snap.metadata.term, vote: 0, commit: snap.metadata.index } }
        : {},
    );
    const sm = snap ? decodeSmState(snap.data) : SM_EMPTY;
    this.durable = { log, sm, needsRepair: false, expectedLastIndex: log.lastIndex(), checksums: new Map() };
    this.view = log.copy();
  }

  // ---- RaftStorage, answered from the view (the node's own writes) ----

  initialState(): { hardState: HardState; confState: ConfState; needsRepair?: boolean } {
    return { ...this.view.store.initialState(), needsRepair: this.durable.needsRepair && !this.hideDamage };
  }

  entries(lo: number, hi: number, maxBytes: number): readonly Entry[] | null {
    if (this.now < this.loadingUntilTick) return null;
    if (lo < hi && this.rng.chance(this.cacheMissProbability)) {
      // Range-check first: a miss must not hide the errors the contract promises.
      this.view.store.entries(lo, hi, maxBytes);
      this.loadingUntilTick = this.now + 1 + this.rng.int(3);
      this.onCacheMiss?.(this.loadingUntilTick);
      return null;
    }
    return this.view.store.entries(lo, hi, maxBytes);
  }

  term(i: number): number {
    return this.view.store.term(i);
  }

  firstIndex(): number {
    return this.view.store.firstIndex();
  }

  lastIndex(): number {
    return this.view.store.lastIndex();
  }

  snapshot(): Snapshot {
    return this.view.store.snapshot();
  }

  // ---- Writes ----

  write(op: DiskOp): void {
    if (this.pending.length >= PENDING_OPS_MAX)
      throw new Error('SimDisk: unsynced ops passed PENDING_OPS_MAX');
    applyOp(this.view, null, op);
    this.pending.push(op);
  }

  /** fsync: everything written so far becomes durable. */
  sync(): void {
    for (const op of this.pending) applyOp(this.durable.log, this.durable, op);
    this.pending = [];
    this.durable.expectedLastIndex = this.durable.log.lastIndex();
  }

  hasUnsynced(): boolean {
    return this.pending.length > 0;
  }

  /** True when the buffer holds what an ack or a vote depends on: entries, a snapshot, a new term or vote. */
  hasUnsyncedCritical(): boolean {
    const hs = this.durable.log.store.initialState().hardState;
    return this.pending.some(
      (op) =>
        op.kind === 'entries' ||
        op.kind === 'snapshot' ||
        (op.kind === 'hardState' && (op.hs.term !== hs.term || op.hs.vote !== hs.vote)),
    );
  }

  /** The node's log as it reads it (for checkers). */
  viewLog(): ChainedLog {
    return this.view;
  }

  /** The log that survives a crash (for checkers). */
  durableLog(): ChainedLog {
    return this.durable.log;
  }

  /** For the ack checker: the synced log's chain at `index`, or 'covered' by a synced snapshot. */
  durableChainAt(index: number): number | 'covered' | undefined {
    const log = this.durable.log;
    if (index <= log.store.firstIndex() - 1) return 'covered';
    return log.chainAt(index);
  }

  durableSm(): SmState {
    return this.durable.sm;
  }

  needsRepair(): boolean {
    return this.durable.needsRepair;
  }

  /**
   * Power loss or kill -9: the unsynced buffer is lost, except that with
   * `tornOps` > 0 a prefix of it reached the platter (a torn write; the
   * last kept entries op may itself be cut short).
   */
  crash(tornOps: number): void {
    const keep = Math.min(tornOps, this.pending.length);
    for (let i = 0; i < keep; i++) {
      let op = this.pending[i]!;
      if (i === keep - 1 && op.kind === 'entries' && op.entries.length > 1) {
        op = { kind: 'entries', entries: op.entries.slice(0, 1 + this.rng.int(op.entries.length)) };
      }
      applyOp(this.durable.log, this.durable, op);
    }
    // The WAL recognises a torn record and drops it cleanly: that is not damage.
    this.durable.expectedLastIndex = this.durable.log.lastIndex();
    this.pending = [];
    this.view = this.durable.log.copy();
    this.loadingUntilTick = -1;
  }

  /** The first index that may be damaged: entries the state machine already holds are left alone. */
  private damageFloor(): number {
    return Math.max(this.durable.sm.index, this.durable.log.store.firstIndex() - 1) + 1;
  }

  /** Flips one bit of one durable entry above the applied index; false when there is none. */
  flipBit(): boolean {
    const log = this.durable.log;
    const lo = this.damageFloor();
    if (lo > log.lastIndex()) return false;
    const at = this.rng.range(lo, log.lastIndex());
    const ents = log.store.entries(at, log.lastIndex() + 1, Number.MAX_SAFE_INTEGER);
    const e = ents[0]!;
    const data = e.data.slice();
    const bad: Entry =
      data.byteLength > 0
        ? { ...e, data: flip(data, this.rng.int(data.byteLength * 8)) }
        : { ...e, term: e.term ^ (1 << this.rng.int(4)) };
    const rebuilt = log.copy(at - 1);
    rebuilt.append([bad, ...ents.slice(1)]);
    this.durable.log = rebuilt;
    return true;
  }

  /** Loses a tail of the durable log above the applied index; false when there is none. */
  truncateTail(): boolean {
    const lo = this.damageFloor();
    const last = this.durable.log.lastIndex();
    if (lo > last) return false;
    this.durable.log = this.durable.log.copy(this.rng.range(lo, last) - 1);
    return true;
  }

  /** Start-up check: verify checksums and the expected last index, cut at the last good entry. */
  recover(): RecoveryReport {
    const d = this.durable;
    let damagedFrom: number | null = null;
    const first = d.log.store.firstIndex();
    const last = d.log.lastIndex();
    if (last >= first) {
      for (const e of d.log.store.entries(first, last + 1, Number.MAX_SAFE_INTEGER)) {
        if (d.checksums.get(e.index) !== entryChecksum(e)) {
          damagedFrom = e.index;
          break;
        }
      }
    }
    if (damagedFrom === null && last < d.expectedLastIndex) damagedFrom = last + 1;
    if (damagedFrom !== null) {
      d.log = d.log.copy(damagedFrom - 1);
      const hs = d.log.store.initialState().hardState;
      const commit = Math.max(d.sm.index, Math.min(hs.commit, d.log.lastIndex()));
      d.log.setHardState({ ...hs, commit });
      d.needsRepair = true;
      d.expectedLastIndex = d.log.lastIndex();
    }
    this.view = d.log.copy();
    return { damagedFrom, needsRepair: d.needsRepair };
  }
}

function flip(data: Uint8Array, bit: number): Uint8Array {
  data[bit >>> 3] = data[bit >>> 3]! ^ (1 << (bit & 7));
  return data;
}

/** Applies one op to a log (and, for the durable copy, to the durable metadata). */
function applyOp(log: ChainedLog, durable: Durable | null, op: DiskOp): void {
  switch (op.kind) {
    case 'snapshot':
      log.applySnapshot(op.snap);
      if (durable) durable.checksums.clear();
      break;
    case 'entries':
      log.append(op.entries);
      if (durable) for (const e of op.entries) durable.checksums.set(e.index, entryChecksum(e));
      break;
    case 'hardState':
      log.setHardState(op.hs);
      break;
    case 'applied':
      if (op.confState) log.setConfState(op.confState);
      if (durable) durable.sm = op.sm;
      break;
    case 'compact':
      log.compact(op.snap);
      break;
    case 'repaired':
      if (durable) durable.needsRepair = false;
      break;
  }
}
