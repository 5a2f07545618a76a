// Rebuilding a group's memory state from disk at open, and cutting a
// damaged log.
//
// Read and verify every metadata value (hard state, conf state, snapshot,
// term runs, applied index, repair marker), then the newest
// `recoveryVerifyTailEntries` entries with a reverse iterator: the last
// index is the newest key, and the tail must be contiguous and pass its
// checksums. A bad or missing entry cuts the log just below it. The term runs
// are persisted (scanning a big log at start-up would be too slow) and are
// checked against the last entry; only when they disagree are they rebuilt
// by a full scan.
//
// A cut is made crash-safe the same way trimming is: the repair marker
// (first bad index) is synced first, then the keys from that index on are
// deleted; a crash in between cuts again at the next open. Any damage found
// answers needsRepair: the node neither votes nor campaigns until it has
// caught up with a leader (RaftStorage.initialState).

import { EMPTY_CONF_STATE, type HardState, type Snapshot } from '@rheo/raft';
import { deleteRangeChunked } from './chunked-delete.js';
import type { StoreContext } from './context.js';
import { CorruptDataError } from './errors.js';
import type { BatchOp } from './group-commit-writer.js';
import type { RecoveredGroup } from './group-log.js';
import {
  allTimePointsRange,
  entryKey,
  entryRange,
  GroupKind,
  groupKey,
  indexOfEntryKey,
  timeOfTimePointKey,
} from './keys.js';
import {
  decodeConfState,
  decodeEntry,
  decodeHardState,
  decodeSnapshot,
  decodeTermRuns,
  decodeTimePoint,
  decodeU64,
  encodeHardState,
  encodeTermRuns,
  encodeU64,
  type StoredEntry,
  type TermRun,
} from './records.js';
import { type SegmentRun, SegmentRuns } from './segment-runs.js';
import { TermRuns } from './term-runs.js';

const EMPTY_SNAPSHOT: Snapshot = {
  metadata: { index: 0, term: 0, confState: EMPTY_CONF_STATE },
  data: new Uint8Array(0),
};

class Recovery {
  damaged = false;
  constructor(
    readonly ctx: StoreContext,
    readonly name: string,
    readonly gid: number,
    readonly segments: SegmentRuns,
  ) {}

  /** The key entry `index` would have; undefined when no segment can hold it. */
  entryKeyOf(index: number): Uint8Array | undefined {
    const segment = this.segments.segmentOf(index);
    return segment === undefined ? undefined : entryKey(segment, this.gid, index);
  }

  corrupt(e: unknown): void {
    if (!(e instanceof CorruptDataError)) throw e;
    this.ctx.reportCorrupt(e);
    this.damaged = true;
  }

  async read<T>(kind: number, decode: (k: Uint8Array, v: Uint8Array) => T): Promise<T | undefined> {
    const key = groupKey(this.gid, kind);
    const v = await this.ctx.db.get(key);
    if (v === undefined) return undefined;
    try {
      return decode(key, v);
    } catch (e) {
      this.corrupt(e);
      return undefined;
    }
  }
}

export async function recoverGroup(
  ctx: StoreContext,
  name: string,
  gid: number,
  /** Where the group's entry keys are, from the node's scan of the log (segment-scan.ts). */
  segmentRuns: readonly SegmentRun[],
  cacheBytesMax: number,
): Promise<RecoveredGroup> {
  const segments = new SegmentRuns(segmentRuns);
  const r = new Recovery(ctx, name, gid, segments);
  const where = { group: name };
  const storedRuns = await r.read(GroupKind.TermRuns, (k, v) => decodeTermRuns(k, v, where));
  const snapshot =
    (await r.read(GroupKind.Snapshot, (k, v) => decodeSnapshot(k, v, where))) ??
    (await fallbackSnapshot(r, storedRuns));
  const base = snapshot.metadata.index;
  const conf = (await r.read(GroupKind.ConfState, (k, v) => decodeConfState(k, v, where))) ?? {
    confState: snapshot.metadata.confState,
    index: base,
  };
  const applied = (await r.read(GroupKind.Applied, (k, v) => decodeU64(k, v, where))) ?? 0;
  const hs = await readHardState(r);
  const hard = hs.value;
  const hardCorrupt = hs.lost;
  const marker = await r.read(GroupKind.Repair, (k, v) => decodeU64(k, v, where));
  const markerCorrupt = marker === undefined && (await ctx.db.has(groupKey(gid, GroupKind.Repair)));

  const tail = await readTail(r, base, cacheBytesMax);
  let cutFrom = tail.cutFrom;
  // A run-time corruption report left the bad entry's index in the marker. It
  // may have been overwritten by good data since: cut only if it is still bad.
  if (marker !== undefined && marker > 0 && marker <= tail.lastIndex && marker < (cutFrom ?? Infinity)) {
    if (!(await entryIsGood(r, marker))) cutFrom = marker;
  }
  let lastIndex = cutFrom !== undefined ? cutFrom - 1 : tail.lastIndex;

  // The last entry's term checks the persisted term runs; after a deep cut it may be below the kept tail.
  const kept0 = tail.entries.filter((e) => e.index <= lastIndex);
  const lastEntry = kept0.at(-1)?.index === lastIndex ? kept0.at(-1) : await readEntry(r, lastIndex);
  let runs = checkedRuns(storedRuns, snapshot, lastIndex, lastEntry ? [lastEntry] : []);
  let runsChanged = cutFrom !== undefined;
  if (runs === undefined) {
    const rebuilt = await rebuildRuns(r, snapshot, lastIndex);
    runs = rebuilt.runs;
    runsChanged = true;
    if (rebuilt.lastIndex < lastIndex) {
      lastIndex = rebuilt.lastIndex;
      cutFrom = lastIndex + 1;
    }
  }

  const needsRepair = r.damaged || marker !== undefined || markerCorrupt || cutFrom !== undefined;
  let markerNow = needsRepair ? (marker ?? 0) : undefined;
  if (cutFrom !== undefined) {
    // Crash-safe cut: the marker names the first bad index (synced) before any
    // key goes; a crash mid-cut finds that entry bad or missing and cuts again.
    await ctx.writer.submit({ ops: [repairMarkerOp(gid, cutFrom)], sync: true });
    for (const p of segments.pieces(cutFrom, Number.MAX_SAFE_INTEGER)) {
      await deleteRangeChunked(ctx, entryRange(p.segment, gid, p.lo, p.hi));
    }
    segments.truncateFrom(cutFrom);
    // Cut done: the marker keeps only "repair pending", so entries appended
    // from here on (and acknowledged to a leader) are never cut again.
    markerNow = 0;
  }
  const ops: BatchOp[] = [...hs.fixOps];
  if (markerNow !== undefined && markerNow !== marker) ops.push(repairMarkerOp(gid, markerNow));
  if (runsChanged) {
    const key = groupKey(gid, GroupKind.TermRuns);
    ops.push({ type: 'put', key, value: encodeTermRuns(key, runs.toArray()) });
  }
  if (ops.length > 0) await ctx.writer.submit({ ops, sync: true });
  const kept = tail.entries.filter((e) => e.index <= lastIndex);
  const lastPoint = await readLastTimePoint(r);
  return {
    // A corrupt hard state must not let the node vote twice in a term: needsRepair keeps it from voting.
    hardState:
      hard ??
      (hardCorrupt ? { term: runs.lastTerm(), vote: 0, commit: base } : { term: 0, vote: 0, commit: 0 }),
    conf,
    snapshot,
    runs,
    segments: segments.toArray(),
    lastIndex,
    applied,
    repairMarker: markerNow,
    needsRepair,
    tail: kept,
    maxTimeMs: Math.max(lastPoint?.timeMs ?? -1, ...kept.map((e) => e.timeMs)),
    lastPoint,
  };
}

/**
 * The hard state is stored twice (HardState, HardStateMirror), written in the
 * same batch. One bad copy is reported and rewritten from the good one, and
 * is no reason to repair: nothing was lost. Only both bad loses it.
 */
async function readHardState(
  r: Recovery,
): Promise<{ value: HardState | undefined; lost: boolean; fixOps: BatchOp[] }> {
  const copies = [GroupKind.HardState, GroupKind.HardStateMirror].map((kind) => groupKey(r.gid, kind));
  const found: Array<HardState | undefined> = [];
  const bad: Uint8Array[] = [];
  for (const key of copies) {
    const v = await r.ctx.db.get(key);
    if (v === undefined) {
      found.push(undefined);
      continue;
    }
    try {
      found.push(decodeHardState(key, v, { group: r.name }));
    } catch (e) {
      if (!(e instanceof CorruptDataError)) throw e;
      r.ctx.reportCorrupt(e);
      bad.push(key);
      found.push(undefined);
    }
  }
  const good = found.filter((h): h is HardState => h !== undefined);
  // Both copies come from the same batches, so they agree; prefer the newer if they somehow do not.
  const value = good.sort((a, b) => b.term - a.term || b.commit - a.commit)[0];
  if (value === undefined) {
    if (bad.length > 0) r.damaged = true;
    return { value, lost: bad.length > 0, fixOps: [] };
  }
  const fixOps: BatchOp[] = copies
    .filter((_, i) => found[i] === undefined)
    .map((key) => ({ type: 'put', key, value: encodeHardState(key, value) }));
  return { value, lost: false, fixOps };
}

async function entryIsGood(r: Recovery, index: number): Promise<boolean> {
  return (await readEntry(r, index)) !== undefined;
}

function repairMarkerOp(gid: number, firstBad: number): BatchOp {
  const key = groupKey(gid, GroupKind.Repair);
  return { type: 'put' as const, key, value: encodeU64(key, firstBad) };
}

/** The snapshot was corrupt (or absent): the compaction point from the term runs or the first entry key. */
async function fallbackSnapshot(r: Recovery, runs: readonly TermRun[] | undefined): Promise<Snapshot> {
  if (!r.damaged && runs === undefined) return EMPTY_SNAPSHOT;
  const firstKey = r.segments.lowest;
  const index = runs?.[0]?.start ?? (firstKey !== undefined ? firstKey - 1 : 0);
  return {
    metadata: { index, term: runs?.[0]?.term ?? 0, confState: EMPTY_CONF_STATE },
    data: new Uint8Array(0),
  };
}

interface Tail {
  /** Verified entries, ascending, contiguous. */
  readonly entries: StoredEntry[];
  readonly lastIndex: number;
  /** First index to drop (bad, missing, or after a gap), if any. */
  readonly cutFrom: number | undefined;
}

/**
 * Verifies the newest `recoveryVerifyTailEntries` entries (streamed, so a
 * log of large batches does not sit in memory at once) and keeps the newest
 * `keepBytesMax` of them to warm the cache.
 */
async function readTail(r: Recovery, base: number, keepBytesMax: number): Promise<Tail> {
  const limit = r.ctx.options.recoveryVerifyTailEntries;
  let top: number | undefined;
  let cutFrom: number | undefined;
  let prev: number | undefined;
  let seen = 0;
  let keptBytes = 0;
  const good: StoredEntry[] = [];
  // Newest first: the segments the log spans, from the last, each read backwards.
  const ranges = r.segments.ranges(r.gid, base + 1, Number.MAX_SAFE_INTEGER).reverse();
  for (const range of ranges) {
    if (seen >= limit) break;
    const it = r.ctx.db.iterator({ ...range, reverse: true, limit: limit - seen });
    try {
      for (let rows = await it.nextv(16); rows.length > 0; rows = await it.nextv(16)) {
        for (const [k, v] of rows) {
          const index = indexOfEntryKey(k);
          top ??= index;
          seen++;
          if (prev !== undefined && index !== prev - 1) cutFrom = index + 1; // a gap: everything above it is disconnected
          try {
            const e = decodeEntry(k, v, index, { group: r.name, index });
            keptBytes += e.data.byteLength;
            if (good.length === 0 || keptBytes <= keepBytesMax) good.push(e);
          } catch (e) {
            r.corrupt(e);
            cutFrom = index;
          }
          prev = index;
        }
      }
    } finally {
      await it.close();
    }
  }
  if (top === undefined) return { entries: [], lastIndex: base, cutFrom: undefined };
  // Fewer rows than the limit means we saw the whole log: it must start right after the compaction point.
  if (seen < limit && prev !== base + 1) cutFrom = base + 1;
  // Kept entries are contiguous from the top unless a cut falls among them; keep those below the cut only.
  const entries = good.filter((e) => cutFrom === undefined || e.index < cutFrom).reverse();
  return { entries: contiguousSuffix(entries), lastIndex: top, cutFrom };
}

/** The longest run of consecutive indexes at the end of `es`. */
function contiguousSuffix(es: StoredEntry[]): StoredEntry[] {
  let i = es.length - 1;
  while (i > 0 && es[i - 1]!.index === es[i]!.index - 1) i--;
  return es.slice(Math.max(0, i));
}

async function readEntry(r: Recovery, index: number): Promise<StoredEntry | undefined> {
  const key = r.entryKeyOf(index);
  if (key === undefined) return undefined;
  const v = await r.ctx.db.get(key);
  if (v === undefined) return undefined;
  try {
    return decodeEntry(key, v, index, { group: r.name, index });
  } catch (e) {
    r.corrupt(e);
    return undefined;
  }
}

/** The stored term runs if they agree with the snapshot and the last entry; else undefined. */
function checkedRuns(
  stored: readonly TermRun[] | undefined,
  snapshot: Snapshot,
  lastIndex: number,
  tail: readonly StoredEntry[],
): TermRuns | undefined {
  if (stored === undefined)
    return snapshot.metadata.index === lastIndex ? TermRuns.at(lastIndex, snapshot.metadata.term) : undefined;
  const runs = new TermRuns(stored);
  if (runs.base !== snapshot.metadata.index || runs.termAt(runs.base) !== snapshot.metadata.term)
    return undefined;
  if (lastIndex > runs.base) runs.truncateFrom(lastIndex + 1);
  const last = tail[tail.length - 1];
  if (
    lastIndex > runs.base &&
    (last === undefined || last.index !== lastIndex || runs.termAt(lastIndex) !== last.term)
  )
    return undefined;
  return runs;
}

/** The slow path: scan the log, verifying every entry; stops at the first bad or missing one. */
async function rebuildRuns(
  r: Recovery,
  snapshot: Snapshot,
  lastIndex: number,
): Promise<{ runs: TermRuns; lastIndex: number }> {
  const runs = TermRuns.at(snapshot.metadata.index, snapshot.metadata.term);
  let expect = snapshot.metadata.index + 1;
  scan: for (const range of r.segments.ranges(r.gid, expect, lastIndex + 1)) {
    const it = r.ctx.db.iterator(range);
    try {
      for await (const [k, v] of it) {
        const index = indexOfEntryKey(k);
        if (index !== expect) break scan;
        try {
          runs.push(index, decodeEntry(k, v, index, { group: r.name, index }).term);
        } catch (e) {
          r.corrupt(e);
          break scan;
        }
        expect++;
      }
    } finally {
      await it.close();
    }
  }
  return { runs, lastIndex: expect - 1 };
}

async function readLastTimePoint(r: Recovery): Promise<{ timeMs: number; index: number } | undefined> {
  const rows = await r.ctx.db.iterator({ ...allTimePointsRange(r.gid), reverse: true, limit: 1 }).all();
  const row = rows[0];
  if (row === undefined) return undefined;
  try {
    return decodeTimePoint(row[0], row[1], timeOfTimePointKey(row[0]), { group: r.name });
  } catch (e) {
    if (!(e instanceof CorruptDataError)) throw e;
    r.ctx.reportCorrupt(e); // the time index is an accelerator: reported, not a reason to repair the log
    return undefined;
  }
}
