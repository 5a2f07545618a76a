// Where retention cuts a shard's log: the first entry that arrived at or
// after the cutoff. The storage's time index is sparse (a point about every
// second), so its answer may sit up to a point's worth of entries before the
// cut; the entries from there are scanned for their arrival times, a bounded
// number of them per call. Arrival stamps never go back within a shard, so
// the first entry at or after the cutoff ends the scan; an entry without a
// stamp (a leader's no-op) carries its replica's clock and, if anything,
// makes the cut earlier: retention may keep a little too much, never drop
// a record it should keep.
import type { GroupLog } from '@rheo/storage';

/** Entries scanned past the time index's answer at most (the storage writes a point at least every 1,000). */
export const retentionScanEntriesMax = 1024;
/** Bytes read per step of that scan. */
const scanStepBytes = 4 * 1024 * 1024;
const scanStepEntries = 256;

/** The index to trim before so that no entry that arrived at or after `cutoffMs` goes; at most `hi` + 1. */
export async function retentionCut(log: GroupLog, cutoffMs: number, hi: number): Promise<number> {
  let next = await log.indexAtTime(cutoffMs);
  const end = Math.min(hi + 1, next + retentionScanEntriesMax);
  while (next < end) {
    const entries = await log.readRange(next, scanStepEntries, scanStepBytes, end);
    if (entries.length === 0) break;
    for (const e of entries) {
      if (e.timeMs >= cutoffMs) return e.index;
      next = e.index + 1;
    }
  }
  return next;
}
