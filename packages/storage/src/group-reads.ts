// Async reads of a group's log straight from LevelDB: a range of entries by
// index (an iterator; consumers and cache-miss loads) and the sparse time
// index (AT_TIMESTAMP iterators, retention by age). Every value read is
// verified; a bad one is reported and raises, it is never returned.

import { LogCompactedError } from '@rheo/raft';
import type { StoreContext } from './context.js';
import { CorruptDataError } from './errors.js';
import { allTimePointsRange, entryKey, indexOfEntryKey, timeOfTimePointKey, timePointKey } from './keys.js';
import { decodeEntry, decodeTimePoint, type StoredEntry } from './records.js';
import type { SegmentRuns } from './segment-runs.js';

/** Entries fetched per iterator step: enough to amortize the native call, few enough for 1 MiB entries. */
const ITERATOR_STEP_ENTRIES = 16;

export interface LogBounds {
  readonly name: string;
  readonly gid: number;
  firstIndex(): number;
  lastIndex(): number;
  term(i: number): number;
  /** Bumped whenever a suffix overwrite or snapshot is staged: reads that raced one may come up short. */
  truncationEpoch(): number;
  /** Where the entries are (staged view: a read racing a change sees the epoch move). */
  readonly segments: SegmentRuns;
}

/**
 * Entries [lo, hi), at most `maxEntries`, stopping before the data size
 * passes `maxBytes` (at least one). Contiguous or an error: a missing index
 * below the first index means a trim raced the read (LogCompactedError),
 * anywhere else it is damage (CorruptDataError).
 */
export async function readEntries(
  ctx: StoreContext,
  log: LogBounds,
  lo: number,
  hi: number,
  maxEntries: number,
  maxBytes: number,
  /** What counts against maxBytes: the data (consumers' limits), or the cache's cost (loads). */
  sizeOf: (e: StoredEntry) => number = (e) => e.data.byteLength,
): Promise<StoredEntry[]> {
  const out: StoredEntry[] = [];
  if (lo >= hi || maxEntries <= 0) return out;
  const epoch = log.truncationEpoch();
  const ranges = log.segments.ranges(log.gid, lo, hi);
  let size = 0;
  let expect = lo;
  try {
    // One iterator per segment the range spans (usually one), in order.
    scan: for (const range of ranges) {
      const it = ctx.db.iterator({ ...range, limit: lo + maxEntries - expect });
      try {
        for (;;) {
          const rows = await it.nextv(ITERATOR_STEP_ENTRIES);
          if (rows.length === 0) break;
          for (const [k, v] of rows) {
            const index = indexOfEntryKey(k);
            if (index !== expect) break scan;
            const e = decodeEntry(k, v, index, { group: log.name, index });
            size += sizeOf(e);
            if (out.length > 0 && size > maxBytes) return out;
            out.push(e);
            expect++;
            if (out.length >= maxEntries) break scan;
          }
        }
      } finally {
        await it.close();
      }
    }
    if (out.length < maxEntries && expect < hi) {
      // Keys missing inside the range. A suffix overwrite staged since the
      // read began explains it (the caller retries); otherwise it is damage.
      if (log.truncationEpoch() !== epoch || expect > log.lastIndex()) return out;
      throw missing(log, expect);
    }
    return out;
  } catch (e) {
    if (e instanceof CorruptDataError) ctx.reportCorrupt(e);
    throw e;
  }
}

function missing(log: LogBounds, index: number): Error {
  if (index < log.firstIndex())
    return new LogCompactedError(`${log.name}: entry ${index} was trimmed during the read`);
  const key = entryKey(log.segments.segmentOf(index) ?? 0, log.gid, index);
  return new CorruptDataError(key, 'log entry missing', { group: log.name, index });
}

/**
 * An index to start scanning from for the first entry that arrived at or
 * after `tsMs`: every entry before it arrived before `tsMs`. It is the index
 * of the newest valid time point at or before `tsMs`, or the first index.
 * A point is valid when its entry still has the term recorded with it (Log
 * Matching: then it and everything before it are the entries the point saw);
 * points of overwritten entries are skipped.
 */
export async function indexAtTime(ctx: StoreContext, log: LogBounds, tsMs: number): Promise<number> {
  const first = log.firstIndex();
  const it = ctx.db.iterator({
    gte: allTimePointsRange(log.gid).gte,
    lte: timePointKey(log.gid, Math.max(0, Math.floor(tsMs))),
    reverse: true,
    limit: ctx.options.timeIndexStaleScanMax,
  });
  try {
    for (;;) {
      const rows = await it.nextv(ITERATOR_STEP_ENTRIES);
      if (rows.length === 0) return first;
      for (const [k, v] of rows) {
        let p: ReturnType<typeof decodeTimePoint>;
        try {
          p = decodeTimePoint(k, v, timeOfTimePointKey(k), { group: log.name });
        } catch (e) {
          // The time index only accelerates lookups: report the bad point, never use it, look further back.
          if (!(e instanceof CorruptDataError)) throw e;
          ctx.reportCorrupt(e);
          continue;
        }
        if (p.index < first) return first;
        if (p.index <= log.lastIndex() && log.term(p.index) === p.term) return p.index;
      }
    }
  } finally {
    await it.close();
  }
}
