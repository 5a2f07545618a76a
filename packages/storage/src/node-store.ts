// The node's store: one LevelDB, one group-commit writer, the Raft groups
// it holds (each a GroupLog), the controller's metadata keyspace, and the
// background work (trimming, group deletion, loads) that close() waits for.

import { type ConfState, EMPTY_CONF_STATE } from '@rheo/raft';
import { SlabPool } from '@rheo/wire';
import { SLAB_POOL_IDLE_BYTES_MAX } from './cache-slabs.js';
import { deleteRangeChunked } from './chunked-delete.js';
import type { StoreContext } from './context.js';
import { CorruptDataError, GroupDeletingError, StorageFormatError, UnknownGroupError } from './errors.js';
import { upgradeFromFormat1 } from './format-upgrade.js';
import { type BatchOp, type BatchSink, GroupCommitWriter, type WriterStats } from './group-commit-writer.js';
import { GroupLog } from './group-log.js';
import { recoverGroup } from './group-recovery.js';
import {
  FORMAT_KEY,
  GROUP_ID_MAX,
  GroupKind,
  groupKey,
  groupRange,
  NEXT_GID_KEY,
  nameOfRegistryKey,
  registryKey,
  registryRange,
  segmentGroupRange,
} from './keys.js';
import { LevelBatchSink, type LevelDb, openLevel, spreadWriteBufferBytes } from './level.js';
import { LoadLimiter } from './load-limiter.js';
import { MetaStore } from './meta-store.js';
import { resolveStorageOptions, type StorageOptions } from './options.js';
import {
  decodeRegistry,
  decodeU64,
  encodeConfState,
  encodeRegistry,
  encodeTermRuns,
  encodeU64,
  GroupState,
  type RegistryRecord,
} from './records.js';
import { SegmentClock, type SegmentRun } from './segment-runs.js';
import { type LogScan, scanLog } from './segment-scan.js';
import { TermRuns } from './term-runs.js';
import * as trim from './trim.js';

/** Layout version written in FORMAT_KEY (keys.ts). Format 1 is converted at open; any other is refused. */
export const STORAGE_FORMAT_VERSION = 2;

export interface NodeStoreStats {
  readonly writer: WriterStats;
  /** Corrupt values found (refused, reported). */
  readonly corruptValues: number;
  readonly groups: number;
  /** Bytes of the slabs the entry caches copy their tails into, free ones included (cache-slabs.ts). */
  readonly cacheSlabBytes: number;
  readonly backgroundTasks: number;
  readonly backgroundErrors: number;
}

export interface OpenStoreHooks {
  /** Wraps the LevelDB batch sink (tests count and time the writes). */
  readonly wrapSink?: (sink: BatchSink) => BatchSink;
  /** Called for every corrupt value found, including during open. */
  readonly onCorrupt?: (err: CorruptDataError) => void;
  /** Called when background work fails (it is also counted). */
  readonly onBackgroundError?: (what: string, err: unknown) => void;
}

export class NodeStore {
  readonly meta: MetaStore;
  readonly writer: GroupCommitWriter;
  private readonly ctx: StoreContext;
  private readonly groups = new Map<string, GroupLog>();
  private readonly registry = new Map<string, RegistryRecord>();
  private readonly creating = new Map<string, Promise<GroupLog>>();
  private readonly tasks = new Set<Promise<void>>();
  private readonly corruptListeners = new Set<(e: CorruptDataError) => void>();
  private nextGid = 1;
  /** Replaced at open, once the log on disk has been scanned: new segments start above every old one. */
  private clock: SegmentClock;
  private corruptValues = 0;
  private backgroundErrors = 0;
  private closing = false;

  private constructor(
    readonly db: LevelDb,
    readonly options: StorageOptions,
    private readonly hooks: OpenStoreHooks,
    /** The memtable size this open drew (options.levelWriteBufferSpread). */
    readonly levelWriteBufferBytes: number,
  ) {
    const sink = new LevelBatchSink(db);
    this.writer = new GroupCommitWriter(hooks.wrapSink ? hooks.wrapSink(sink) : sink, options);
    this.clock = new SegmentClock(0, options.logSegmentBytes);
    const self = this;
    this.ctx = {
      db,
      writer: this.writer,
      options,
      loads: new LoadLimiter(options.loadsInflightMax),
      slabs: new SlabPool(SLAB_POOL_IDLE_BYTES_MAX),
      get clock() {
        return self.clock;
      },
      reportCorrupt: (e) => self.reportCorrupt(e),
      background: (what, task) => self.background(what, task),
      get closing() {
        return self.closing;
      },
    };
    this.meta = new MetaStore(this.ctx);
    if (hooks.onCorrupt) this.corruptListeners.add(hooks.onCorrupt);
  }

  /** Opens (or creates) the store in `dir` and recovers every group in it. */
  static async open(
    dir: string,
    options: Partial<StorageOptions> = {},
    hooks: OpenStoreHooks = {},
  ): Promise<NodeStore> {
    const o = resolveStorageOptions(options);
    const writeBufferBytes = spreadWriteBufferBytes(o);
    const db = await openLevel(dir, { cacheBytes: o.levelCacheBytes, writeBufferBytes });
    const store = new NodeStore(db, o, hooks, writeBufferBytes);
    try {
      await store.checkFormat();
      await store.recoverAll();
    } catch (e) {
      await store.close().catch(() => {});
      throw e;
    }
    return store;
  }

  private async checkFormat(): Promise<void> {
    const v = await this.db.get(FORMAT_KEY);
    if (v === undefined) {
      await this.writer.submit({
        ops: [{ type: 'put', key: FORMAT_KEY, value: encodeU64(FORMAT_KEY, STORAGE_FORMAT_VERSION) }],
        sync: true,
      });
      return;
    }
    let version: number;
    try {
      version = decodeU64(FORMAT_KEY, v);
    } catch (e) {
      throw new StorageFormatError(`the store's format record is damaged: ${(e as Error).message}`);
    }
    if (version === 1) {
      await upgradeFromFormat1(this.db, this.options.trimChunkKeysMax);
      await this.writer.submit({
        ops: [{ type: 'put', key: FORMAT_KEY, value: encodeU64(FORMAT_KEY, STORAGE_FORMAT_VERSION) }],
        sync: true,
      });
    } else if (version !== STORAGE_FORMAT_VERSION)
      throw new StorageFormatError(`store format ${version}, this build reads ${STORAGE_FORMAT_VERSION}`);
    const next = await this.db.get(NEXT_GID_KEY);
    if (next !== undefined) this.nextGid = decodeU64(NEXT_GID_KEY, next);
  }

  private async recoverAll(): Promise<void> {
    const scan = await scanLog(this.db);
    this.clock = new SegmentClock(scan.maxSegment + 1, this.options.logSegmentBytes);
    for (const key of scan.strayKeys) this.reportCorrupt(new CorruptDataError(key, 'not a log entry key'));
    const live: Array<[string, RegistryRecord]> = [];
    for (const [k, v] of await this.db.iterator(registryRange()).all()) {
      let rec: RegistryRecord;
      try {
        rec = decodeRegistry(k, v);
      } catch (e) {
        if (!(e instanceof CorruptDataError)) throw e;
        this.reportCorrupt(e); // the group is lost to this node; its peers still have it
        continue;
      }
      const name = nameOfRegistryKey(k);
      this.registry.set(name, rec);
      this.nextGid = Math.max(this.nextGid, rec.gid + 1);
      if (rec.state === GroupState.Deleting) {
        this.background(`delete ${name}`, () => this.removeGroupData(name, rec.gid));
      } else live.push([name, rec]);
    }
    this.collectOrphans(scan);
    // Each group's share of the cache budget is known before any tail is read: open never holds more.
    const share = this.cacheShare(live.length);
    for (const [name, rec] of live) {
      const log = new GroupLog(
        this.ctx,
        name,
        rec.gid,
        await recoverGroup(this.ctx, name, rec.gid, scan.runs.get(rec.gid) ?? [], share),
        share,
      );
      this.groups.set(name, log);
      this.scheduleGarbageCollection(log);
    }
  }

  /** Entries of groups the registry no longer knows (their deletion was cut short by a crash). */
  private collectOrphans(log: LogScan): void {
    const known = new Set([...this.registry.values()].map((r) => r.gid));
    for (const [gid, runs] of log.runs) {
      if (known.has(gid)) continue;
      this.background(`delete orphan entries of group ${gid}`, () => this.removeEntries(gid, runs));
    }
  }

  /** Keys below the first index left by a trim or snapshot that a crash interrupted. */
  private scheduleGarbageCollection(log: GroupLog): void {
    const first = log.segments.lowest;
    if (first !== undefined && first < log.firstIndex()) {
      this.background(`${log.name}: clear below ${log.firstIndex()}`, () =>
        trim.clearBelow(this.ctx, log, log.firstIndex()),
      );
    }
  }

  groupNames(): string[] {
    return [...this.groups.keys()];
  }

  hasGroup(name: string): boolean {
    return this.groups.has(name);
  }

  /**
   * Roughly the bytes an open group takes on disk: LevelDB's estimate over
   * the group's key ranges, its state and its entries in each segment (table
   * files only, compressed; what is still in the memtable is not counted).
   * One call costs an index look-up per table file per range, no data read.
   * 0 for a group not open here.
   */
  async approximateGroupBytes(name: string): Promise<number> {
    const g = this.groups.get(name);
    if (g === undefined) return 0;
    const ranges = [
      groupRange(g.gid),
      ...g.segments.toArray().map((r) => segmentGroupRange(r.segment, g.gid)),
    ];
    const sizes = await Promise.all(ranges.map((r) => this.db.approximateSize(r.gte, r.lt)));
    return sizes.reduce((a, b) => a + b, 0);
  }

  group(name: string): GroupLog {
    const g = this.groups.get(name);
    if (g === undefined) throw new UnknownGroupError(name);
    return g;
  }

  /** The group's log, creating the group (durably) if it is new; `confState` is a new group's initial membership. */
  openGroup(name: string, init: { confState?: ConfState } = {}): Promise<GroupLog> {
    const g = this.groups.get(name);
    if (g !== undefined) return Promise.resolve(g);
    if (this.registry.get(name)?.state === GroupState.Deleting)
      return Promise.reject(new GroupDeletingError(name));
    const pending = this.creating.get(name);
    if (pending !== undefined) return pending;
    const p = this.createGroup(name, init.confState ?? EMPTY_CONF_STATE).finally(() =>
      this.creating.delete(name),
    );
    this.creating.set(name, p);
    return p;
  }

  private async createGroup(name: string, confState: ConfState): Promise<GroupLog> {
    const gid = this.nextGid++;
    if (gid > GROUP_ID_MAX) throw new StorageFormatError('group ids exhausted');
    const rec: RegistryRecord = { gid, state: GroupState.Live };
    const runs = TermRuns.at(0, 0);
    const conf = { confState, index: 0 };
    const put = (key: Uint8Array, value: Uint8Array): BatchOp => ({ type: 'put', key, value });
    const rk = registryKey(name);
    const runsKey = groupKey(gid, GroupKind.TermRuns);
    const confKey = groupKey(gid, GroupKind.ConfState);
    // Registry, id counter and the group's initial records in one synced batch: a group exists whole or not at all.
    await this.writer.submit({
      ops: [
        put(rk, encodeRegistry(rk, rec)),
        put(NEXT_GID_KEY, encodeU64(NEXT_GID_KEY, this.nextGid)),
        put(runsKey, encodeTermRuns(runsKey, runs.toArray())),
        put(confKey, encodeConfState(confKey, conf)),
      ],
      sync: true,
    });
    this.registry.set(name, rec);
    const log = new GroupLog(
      this.ctx,
      name,
      gid,
      {
        hardState: { term: 0, vote: 0, commit: 0 },
        conf,
        snapshot: { metadata: { index: 0, term: 0, confState }, data: new Uint8Array(0) },
        runs,
        segments: [],
        lastIndex: 0,
        applied: 0,
        repairMarker: undefined,
        needsRepair: false,
        tail: [],
        maxTimeMs: -1,
        lastPoint: undefined,
      },
      this.cacheShare(this.groups.size + 1),
    );
    this.groups.set(name, log);
    this.rebalanceCaches();
    return log;
  }

  /** A fair share of the node's cache budget: min(cacheBytesMax, nodeCacheBytesMax / groups). */
  private cacheShare(groups: number): number {
    const o = this.options;
    return Math.max(1, Math.min(o.cacheBytesMax, Math.floor(o.nodeCacheBytesMax / Math.max(1, groups))));
  }

  private rebalanceCaches(): void {
    const share = this.cacheShare(this.groups.size);
    for (const g of this.groups.values()) g.setCacheBound(share);
  }

  /**
   * Deletes a group (its stream was deleted): marks it deleting durably,
   * closes its log, and removes its keys in the background (resumed after a
   * restart). Resolves once the mark is durable.
   */
  async deleteGroup(name: string): Promise<void> {
    const rec = this.registry.get(name);
    if (rec === undefined) throw new UnknownGroupError(name);
    if (rec.state === GroupState.Deleting) return;
    const rk = registryKey(name);
    const deleting: RegistryRecord = { gid: rec.gid, state: GroupState.Deleting };
    this.groups.get(name)?.close();
    this.groups.delete(name);
    this.rebalanceCaches();
    this.registry.set(name, deleting);
    await this.writer.submit({
      ops: [{ type: 'put', key: rk, value: encodeRegistry(rk, deleting) }],
      sync: true,
    });
    this.background(`delete ${name}`, () => this.removeGroupData(name, rec.gid));
  }

  private async removeGroupData(name: string, gid: number): Promise<void> {
    // The entries first (found from the keys, so nothing of the closed log is trusted), then the state.
    await this.removeEntries(gid, (await scanLog(this.db, gid)).runs.get(gid) ?? []);
    await deleteRangeChunked(this.ctx, groupRange(gid));
    if (this.closing) return; // resumed at the next open
    await this.writer.submit({ ops: [{ type: 'del', key: registryKey(name) }], sync: true });
    this.registry.delete(name);
  }

  private async removeEntries(gid: number, runs: readonly SegmentRun[]): Promise<void> {
    for (const r of runs) await deleteRangeChunked(this.ctx, segmentGroupRange(r.segment, gid));
  }

  /** Subscribes to corruption reports; returns the unsubscribe function. */
  onCorrupt(listener: (e: CorruptDataError) => void): () => void {
    this.corruptListeners.add(listener);
    return () => this.corruptListeners.delete(listener);
  }

  private reportCorrupt(e: CorruptDataError): void {
    this.corruptValues++;
    const g = e.group === undefined ? undefined : this.groups.get(e.group);
    if (g !== undefined) this.background(`${e.group}: mark for repair`, () => g.markForRepair(e.index ?? 0));
    for (const l of this.corruptListeners) l(e);
  }

  private background(what: string, task: () => Promise<void>): void {
    const p = (async () => {
      try {
        await task();
      } catch (e) {
        this.backgroundErrors++;
        this.hooks.onBackgroundError?.(what, e);
      }
    })();
    this.tasks.add(p);
    void p.finally(() => this.tasks.delete(p));
  }

  stats(): NodeStoreStats {
    return {
      writer: this.writer.stats(),
      corruptValues: this.corruptValues,
      groups: this.groups.size,
      cacheSlabBytes: this.ctx.slabs.bytes,
      backgroundTasks: this.tasks.size,
      backgroundErrors: this.backgroundErrors,
    };
  }

  /** Resolves when no background task runs and the writer is idle. */
  async whenIdle(): Promise<void> {
    while (this.tasks.size > 0) await Promise.all([...this.tasks]);
    await this.writer.idle();
  }

  /** Stops background work at its next chunk, writes what is queued, closes LevelDB. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    while (this.tasks.size > 0) await Promise.all([...this.tasks]);
    // Commit-only hard states not yet written (GroupLog.deferredHard): a clean stop keeps them.
    await Promise.allSettled([...this.groups.values()].map((g) => g.writeDeferredHard()));
    await this.writer.close();
    for (const g of this.groups.values()) g.close();
    await this.db.close();
  }
}
