// One Raft group's log and state over the node's LevelDB: the RaftStorage
// the core reads synchronously, and the write side the driver calls with
// each Ready.
//
// Two views of the log are kept:
//   - the durable view (first/last index, term runs, hard state, snapshot,
//     cached entries): what is on disk. The core reads only this: it keeps
//     unstable entries itself until they are persisted.
//   - the staged view (log-stager.ts): the log as of every write submitted
//     to the group-commit writer, from which the next write's ops are computed.
// The writer runs each write's onDurable in submission order, which moves
// the durable view forward exactly as the disk moved.
//
// A hard state that moved only its commit index is not written on its own:
// it goes with the group's next write (see `deferredHard`).

import {
  type ConfState,
  type Entry,
  type HardState,
  LogCompactedError,
  LogUnavailableError,
  type RaftStorage,
  type Snapshot,
} from '@rheo/raft';
import { assert, assertSafeIndex } from './assert.js';
import type { StoreContext } from './context.js';
import { EntryCache } from './entry-cache.js';
import { CorruptDataError, StorageClosedError } from './errors.js';
import type { BatchOp } from './group-commit-writer.js';
import { indexAtTime, readEntries } from './group-reads.js';
import { appStateKey, appStateRange, GroupKind, groupKey, userKeyOfAppStateKey } from './keys.js';
import { LogStager } from './log-stager.js';
import { RangeLoader } from './range-loader.js';
import {
  decodeBytes,
  encodeBytes,
  encodeConfState,
  encodeHardState,
  encodeSnapshot,
  encodeU64,
  type StoredConfState,
  type StoredEntry,
} from './records.js';
import { type SegmentRun, SegmentRuns } from './segment-runs.js';
import type { TermRuns } from './term-runs.js';
import * as trimLog from './trim.js';

/** What the driver persists from a Ready (a Ready is one). */
export interface PersistRequest {
  readonly snapshot?: Snapshot | undefined;
  readonly entries: readonly Entry[];
  readonly hardState?: HardState | undefined;
  readonly mustSync: boolean;
  readonly repaired?: boolean | undefined;
}

/** What the driver persists when it applies committed entries. */
export interface ApplyRequest {
  /** The last applied index. */
  readonly applied?: number;
  /** The membership after a conf change applied at `applied` (required with it). */
  readonly confState?: ConfState;
  readonly statePuts?: ReadonlyArray<readonly [key: Uint8Array, value: Uint8Array]>;
  readonly stateDels?: readonly Uint8Array[];
  /** Fsync this write (default false: applied state is rebuilt from the log after a crash). */
  readonly sync?: boolean;
}

/** The application's state at a compaction point, stored as the snapshot's data. */
export type SnapshotProvider = (index: number, term: number) => Uint8Array;

export interface RecoveredGroup {
  readonly hardState: HardState;
  readonly conf: StoredConfState;
  readonly snapshot: Snapshot;
  readonly runs: TermRuns;
  /** Where the entries on disk are, dead ones below the snapshot included (segment-runs.ts). */
  readonly segments: readonly SegmentRun[];
  readonly lastIndex: number;
  readonly applied: number;
  /** The repair marker's first bad index (0: no index) when the group is marked for repair. */
  readonly repairMarker: number | undefined;
  readonly needsRepair: boolean;
  /** The newest entries, verified at open: they warm the cache. */
  readonly tail: readonly StoredEntry[];
  readonly maxTimeMs: number;
  readonly lastPoint: { readonly timeMs: number; readonly index: number } | undefined;
}

const EMPTY = new Uint8Array(0);

/** listState answers at most this many entries per call: page with `after`. */
export const STATE_LIST_ENTRIES_MAX = 10_000;

export class GroupLog implements RaftStorage {
  // Durable view.
  private hard: HardState;
  private conf: StoredConfState;
  private snap: Snapshot;
  private runs: TermRuns;
  private first: number;
  private last: number;
  private appliedIndex: number;
  private readonly cache: EntryCache;
  private readonly staged: LogStager;
  /** Staged view (moved by the stager at submission), read by range reads and deletions. */
  readonly segments: SegmentRuns;

  private readonly loader: RangeLoader;
  private readonly needsRepairAtOpen: boolean;
  /** The first bad index in the durable (or submitted) repair marker; undefined when there is none. */
  private markedBadIndex: number | undefined;
  private snapshotProvider: SnapshotProvider = () => EMPTY;
  private trimChain: Promise<unknown> = Promise.resolve();
  private closed = false;
  /**
   * The newest hard state that differs from the stored one in its commit
   * index only, not yet submitted. Raft does not need the commit index on
   * disk (a restarted node learns it again from the leader, and a lower
   * stored commit only re-applies entries the state machine skips), so such
   * a hard state makes no write of its own: it is submitted with the group's
   * next write. At low load these were half of a node's writes (docs/bench.md).
   * Trimming writes it first, because the stored commit bounds a trim, and
   * the store's close writes it, so a node stopped cleanly comes back with
   * all it had applied (only a crash loses it).
   */
  private deferredHard: HardState | undefined;

  constructor(
    private readonly ctx: StoreContext,
    readonly name: string,
    readonly gid: number,
    r: RecoveredGroup,
    cacheBytesMax: number,
  ) {
    this.hard = r.hardState;
    this.conf = r.conf;
    this.snap = r.snapshot;
    this.runs = r.runs.clone();
    this.first = r.snapshot.metadata.index + 1;
    this.last = r.lastIndex;
    this.appliedIndex = r.applied;
    this.cache = new EntryCache(cacheBytesMax, ctx.slabs);
    this.cache.append(r.tail);
    this.segments = new SegmentRuns(r.segments);
    this.staged = new LogStager(
      gid,
      name,
      ctx.options,
      this.first,
      this.last,
      r.runs.clone(),
      this.segments,
      ctx.clock,
      r,
    );
    this.needsRepairAtOpen = r.needsRepair;
    this.markedBadIndex = r.repairMarker;
    this.loader = new RangeLoader(ctx, this, this.cache);
  }

  // ---- RaftStorage (synchronous, durable view) ----

  initialState(): { hardState: HardState; confState: ConfState; needsRepair?: boolean } {
    return { hardState: this.hard, confState: this.conf.confState, needsRepair: this.needsRepairAtOpen };
  }

  entries(lo: number, hi: number, maxBytes: number): readonly Entry[] | null {
    if (lo < this.first)
      throw new LogCompactedError(`${this.name}: entries(${lo}, ${hi}): first index is ${this.first}`);
    if (hi > this.last + 1)
      throw new LogUnavailableError(`${this.name}: entries(${lo}, ${hi}): last index is ${this.last}`);
    if (lo >= hi) return [];
    // A load the core has not read yet first: the cache may have evicted it already (range-loader.ts).
    const got = this.loader.take(lo, hi, maxBytes) ?? this.cache.get(lo, hi, maxBytes);
    if (got !== null) return got;
    this.loader.request(lo, hi);
    return null;
  }

  term(i: number): number {
    if (i < this.first - 1)
      throw new LogCompactedError(`${this.name}: term(${i}): compacted up to ${this.first - 1}`);
    if (i > this.last) throw new LogUnavailableError(`${this.name}: term(${i}): last index is ${this.last}`);
    return this.runs.termAt(i);
  }

  firstIndex(): number {
    return this.first;
  }

  lastIndex(): number {
    return this.last;
  }

  snapshot(): Snapshot {
    return this.snap;
  }

  // ---- Observers ----

  /** Called when a background load after a miss finished: call RawNode.notifyStorageLoaded(). */
  set onLoaded(fn: () => void) {
    this.loader.onLoaded = fn;
  }

  /** The application's state at a compaction point, asked for when trimming. */
  setSnapshotProvider(fn: SnapshotProvider): void {
    this.snapshotProvider = fn;
  }

  hardState(): HardState {
    return this.hard;
  }

  applied(): number {
    return this.appliedIndex;
  }

  /** The persisted membership and the index it was applied at. */
  confState(): StoredConfState {
    return this.conf;
  }

  truncationEpoch(): number {
    return this.staged.epoch;
  }

  cacheBytes(): number {
    return this.cache.bytes;
  }

  /** The node shares its cache budget among its groups (NodeStore rebalances it). */
  setCacheBound(bytes: number): void {
    this.cache.setBound(bytes);
  }

  completedLoads(): number {
    return this.loader.completedLoads;
  }

  // ---- Writes ----

  /** Persists a Ready's snapshot, entries and hard state; resolves once durable (synced when it must be). */
  persist(rd: PersistRequest): Promise<void> {
    this.assertOpen();
    if (this.onlyCommitMoved(rd)) {
      this.deferredHard = rd.hardState;
      return Promise.resolve();
    }
    const ops: BatchOp[] = [];
    const effects: Array<() => void> = [];
    if (rd.snapshot && rd.snapshot.metadata.index >= this.staged.first)
      this.stageSnapshot(rd.snapshot, ops, effects);
    if (rd.entries.length > 0) this.stageEntries(rd.entries, ops, effects);
    // The core's hard state only moves forward, so a new one supersedes a deferred one.
    const hs = rd.hardState ?? this.deferredHard;
    if (hs) this.stageHardState(hs, ops, effects);
    if (rd.repaired && this.markedBadIndex !== undefined) {
      ops.push({ type: 'del', key: groupKey(this.gid, GroupKind.Repair) });
      this.markedBadIndex = undefined;
    }
    if (ops.length === 0) return Promise.resolve();
    // Entries and snapshots are always synced, whatever mustSync says: they are acknowledged to peers.
    const sync = rd.mustSync || rd.snapshot !== undefined || rd.entries.length > 0;
    return this.ctx.writer.submit({ ops, sync, onDurable: () => runAll(effects) });
  }

  /** A Ready whose only news for the disk is a higher commit index (see `deferredHard`). */
  private onlyCommitMoved(rd: PersistRequest): rd is PersistRequest & { hardState: HardState } {
    const hs = rd.hardState;
    return (
      hs !== undefined &&
      !rd.mustSync &&
      rd.snapshot === undefined &&
      rd.entries.length === 0 &&
      rd.repaired !== true &&
      hs.term === this.hard.term &&
      hs.vote === this.hard.vote
    );
  }

  private stageHardState(hs: HardState, ops: BatchOp[], effects: Array<() => void>): void {
    // Twice, far apart in key order: a damaged block rarely takes both (see group-recovery.ts).
    ops.push(this.put(GroupKind.HardState, (k) => encodeHardState(k, hs)));
    ops.push(this.put(GroupKind.HardStateMirror, (k) => encodeHardState(k, hs)));
    this.deferredHard = undefined;
    effects.push(() => {
      this.hard = hs;
    });
  }

  /** Submits the deferred hard state, if any, as a write of its own (before a trim, and on close). */
  writeDeferredHard(): Promise<void> {
    const hs = this.deferredHard;
    // A closed group writes nothing more: a deleted group's keys are being removed.
    if (hs === undefined || this.closed) return Promise.resolve();
    const ops: BatchOp[] = [];
    const effects: Array<() => void> = [];
    this.stageHardState(hs, ops, effects);
    return this.ctx.writer.submit({ ops, sync: false, onDurable: () => runAll(effects) });
  }

  private stageSnapshot(s: Snapshot, ops: BatchOp[], effects: Array<() => void>): void {
    const index = s.metadata.index;
    ops.push(this.put(GroupKind.Snapshot, (k) => encodeSnapshot(k, s)));
    const conf: StoredConfState = { confState: s.metadata.confState, index };
    ops.push(this.put(GroupKind.ConfState, (k) => encodeConfState(k, conf)));
    const runs = this.staged.stageSnapshot(s, ops);
    effects.push(() => {
      this.snap = s;
      this.conf = conf;
      this.first = index + 1;
      this.last = index;
      this.runs = runs;
      this.cache.clear();
      this.loader.clear();
      // Entries at or below the snapshot are dead keys now: delete them off the write path.
      this.ctx.background(`${this.name}: clear below ${index + 1}`, () =>
        trimLog.clearBelow(this.ctx, this, index + 1),
      );
    });
  }

  private stageEntries(all: readonly Entry[], ops: BatchOp[], effects: Array<() => void>): void {
    const staged = this.staged.stageEntries(all, ops);
    if (staged === undefined) return;
    effects.push(() => {
      if (staged.runs) this.runs = staged.runs;
      this.last = staged.last;
      this.cache.append(staged.stored);
      this.loader.truncateFrom(staged.stored[0]!.index);
    });
  }

  /** Persists what applying committed entries produced: applied index, membership, app state. */
  applyState(req: ApplyRequest): Promise<void> {
    this.assertOpen();
    const ops: BatchOp[] = [];
    const effects: Array<() => void> = [];
    if (req.applied !== undefined) {
      const applied = req.applied;
      assertSafeIndex(applied, 'applied');
      ops.push(this.put(GroupKind.Applied, (k) => encodeU64(k, applied)));
      effects.push(() => {
        this.appliedIndex = applied;
      });
    }
    if (req.confState !== undefined) {
      assert(
        req.applied !== undefined,
        `${this.name}: a conf state is persisted with the index it was applied at`,
      );
      const conf: StoredConfState = { confState: req.confState, index: req.applied };
      ops.push(this.put(GroupKind.ConfState, (k) => encodeConfState(k, conf)));
      effects.push(() => {
        this.conf = conf;
      });
    }
    for (const [k, v] of req.statePuts ?? []) {
      const key = appStateKey(this.gid, k);
      ops.push({ type: 'put', key, value: encodeBytes(key, v) });
    }
    for (const k of req.stateDels ?? []) ops.push({ type: 'del', key: appStateKey(this.gid, k) });
    if (ops.length === 0) return Promise.resolve();
    if (this.deferredHard) this.stageHardState(this.deferredHard, ops, effects);
    return this.ctx.writer.submit({
      ops,
      sync: req.sync ?? false,
      onDurable: () => runAll(effects),
    });
  }

  /** One app-state value (verified), as of the writes already durable. */
  async getState(key: Uint8Array): Promise<Uint8Array | undefined> {
    this.assertOpen();
    const k = appStateKey(this.gid, key);
    const v = await this.ctx.db.get(k);
    return v === undefined ? undefined : this.verifyState(k, v);
  }

  /** App-state entries in key order, after `after` if given, at most `limit` (≤ STATE_LIST_ENTRIES_MAX). */
  async listState(limit: number, after?: Uint8Array): Promise<Array<[key: Uint8Array, value: Uint8Array]>> {
    this.assertOpen();
    assert(
      limit > 0 && limit <= STATE_LIST_ENTRIES_MAX,
      `listState: limit must be in 1..${STATE_LIST_ENTRIES_MAX}`,
    );
    const range = appStateRange(this.gid);
    const from = after === undefined ? { gte: range.gte } : { gt: appStateKey(this.gid, after) };
    const rows = await this.ctx.db.iterator({ ...from, lt: range.lt, limit }).all();
    return rows.map(([k, v]) => [userKeyOfAppStateKey(k), this.verifyState(k, v)]);
  }

  private verifyState(k: Uint8Array, v: Uint8Array): Uint8Array {
    try {
      return decodeBytes(k, v, { group: this.name });
    } catch (e) {
      if (e instanceof CorruptDataError) this.reportCorrupt(e);
      throw e;
    }
  }

  private put(kind: number, encode: (key: Uint8Array) => Uint8Array): BatchOp {
    const key = groupKey(this.gid, kind);
    return { type: 'put', key, value: encode(key) };
  }

  // ---- Reads for consumers ----

  /**
   * Up to `maxEntries` entries from `fromIndex` on, below `hiExclusive`
   * (default: past the last index; a broker passes commit + 1 so readers
   * see committed entries only), stopping before `maxBytes` (at least one).
   * Served from the cache when it holds them, else by a LevelDB iterator.
   */
  async readRange(
    fromIndex: number,
    maxEntries: number,
    maxBytes: number,
    hiExclusive?: number,
  ): Promise<StoredEntry[]> {
    this.assertOpen();
    if (fromIndex < this.first)
      throw new LogCompactedError(`${this.name}: readRange(${fromIndex}): first index is ${this.first}`);
    const hi = Math.min(hiExclusive ?? Number.MAX_SAFE_INTEGER, this.last + 1, fromIndex + maxEntries);
    if (fromIndex >= hi) return [];
    // A tailing consumer is served from memory; a short answer is fine, the next read continues.
    const cached = this.cache.get(fromIndex, hi, maxBytes);
    if (cached !== null) return cached;
    return readEntries(this.ctx, this, fromIndex, hi, hi - fromIndex, maxBytes);
  }

  /** An index to scan forward from for the first entry that arrived at or after tsMs (see group-reads.ts). */
  indexAtTime(tsMs: number): Promise<number> {
    this.assertOpen();
    return indexAtTime(this.ctx, this, tsMs);
  }

  // ---- Retention ----

  /**
   * Drops entries below `index` (never past the applied index, nor before a
   * membership change applied after it): records the new compaction point
   * durably, then deletes the entries in the background. Resolves with the
   * new first index once the deletion is done.
   */
  trimBefore(index: number): Promise<number> {
    this.assertOpen();
    const run = this.trimChain.then(async () => {
      await this.writeDeferredHard();
      return trimLog.trimBefore(this.ctx, this.trimAccess(), index);
    });
    this.trimChain = run.catch(() => {});
    return run;
  }

  /** Drops entries that arrived before `tsMs` (retention by age); resolves with the new first index. */
  async trimOlderThan(tsMs: number): Promise<number> {
    const index = await this.indexAtTime(tsMs);
    return this.trimBefore(index);
  }

  private trimAccess(): trimLog.TrimAccess {
    return {
      log: this,
      limitIndex: () => Math.min(this.appliedIndex, this.hard.commit, this.last, this.staged.last) + 1,
      confIndex: () => this.conf.index,
      stagedFirst: () => this.staged.first,
      snapshotAt: (index) => {
        const term = this.runs.termAt(index);
        return {
          metadata: { index, term, confState: this.conf.confState },
          data: this.snapshotProvider(index, term),
        };
      },
      stage: (s) => this.staged.stageCompaction(s.metadata.index),
      durable: (s) => {
        this.snap = s;
        this.first = s.metadata.index + 1;
        this.runs.compactTo(s.metadata.index);
        this.cache.compactBefore(this.first);
      },
    };
  }

  // ---- Damage ----

  /** Reports a corrupt value of this group and marks the group for repair durably. */
  reportCorrupt(err: CorruptDataError): void {
    this.ctx.reportCorrupt(err);
  }

  /**
   * Records durably that this group must be repaired from its peers: the
   * next open answers needsRepair and cuts the log before `firstBadIndex`
   * (0: damage outside the log, nothing to cut). Keeps the lowest index seen.
   */
  markForRepair(firstBadIndex: number): Promise<void> {
    const m = this.markedBadIndex;
    const lower = m === undefined || (firstBadIndex > 0 && (m === 0 || firstBadIndex < m));
    if (!lower) return Promise.resolve();
    this.markedBadIndex = firstBadIndex;
    const op = this.put(GroupKind.Repair, (k) => encodeU64(k, firstBadIndex));
    return this.ctx.writer.submit({ ops: [op], sync: true });
  }

  close(): void {
    this.closed = true;
  }

  private assertOpen(): void {
    if (this.closed) throw new StorageClosedError(`raft group ${this.name} is closed`);
  }
}

function runAll(effects: ReadonlyArray<() => void>): void {
  for (const f of effects) f();
}
