// Retention trimming: moving a group's first index forward and deleting the
// entries below it without stalling writes.
//
// Crash safety comes from the order: the new compaction point (a snapshot at
// index - 1 with its term and membership, plus the compacted term runs) is
// written through the group-commit writer and synced FIRST; only then are
// entries deleted, in bounded unsynced chunks. A crash at any point leaves
// either the old log whole, or the new compaction point with some dead keys
// below it, which recovery ignores (the log starts at snapshot.index + 1) and
// deletes again in the background.

import type { Snapshot } from '@rheo/raft';
import { deleteRangeChunked } from './chunked-delete.js';
import type { StoreContext } from './context.js';
import type { LogBounds } from './group-reads.js';
import { allTimePointsRange, entryRange, GroupKind, groupKey, timeOfTimePointKey } from './keys.js';
import { decodeTimePoint, encodeSnapshot, encodeTermRuns, type TermRun } from './records.js';

/** What trimming needs of a GroupLog (kept narrow so this file owns only the procedure). */
export interface TrimAccess {
  readonly log: LogBounds;
  /** Trimming never passes this (exclusive): min(applied, commit, last) + 1. */
  limitIndex(): number;
  /** The index the current membership was applied at. */
  confIndex(): number;
  stagedFirst(): number;
  /** The snapshot for compaction point `index` (term from the log, data from the application). */
  snapshotAt(index: number): Snapshot;
  /** Moves the staged view's first index; returns the compacted term runs to persist. */
  stage(s: Snapshot): readonly TermRun[];
  /** Moves the durable view once the compaction point is on disk. */
  durable(s: Snapshot): void;
}

export async function trimBefore(ctx: StoreContext, a: TrimAccess, index: number): Promise<number> {
  const first = a.log.firstIndex();
  const target = Math.min(index, a.limitIndex());
  // A snapshot from the leader is staged past this point: it compacts further by itself.
  if (target <= first || target <= a.stagedFirst()) return first;
  // The snapshot must carry the membership as of target - 1. The stored one is
  // right only if no change was applied after that point; otherwise wait until
  // retention passes the change (over-retaining, never wrong).
  if (target - 1 < a.confIndex()) return first;
  const snap = a.snapshotAt(target - 1);
  const runs = a.stage(snap);
  const snapKey = groupKey(a.log.gid, GroupKind.Snapshot);
  const runsKey = groupKey(a.log.gid, GroupKind.TermRuns);
  await ctx.writer.submit({
    ops: [
      { type: 'put', key: snapKey, value: encodeSnapshot(snapKey, snap) },
      { type: 'put', key: runsKey, value: encodeTermRuns(runsKey, runs) },
    ],
    sync: true,
    onDurable: () => a.durable(snap),
  });
  await clearBelow(ctx, a.log, target);
  return target;
}

/**
 * Deletes entry keys below `index` (in every segment the runs say may hold
 * some) and the time points that lead only to them; then the segment runs
 * forget the segments left with none.
 */
export async function clearBelow(ctx: StoreContext, log: LogBounds, index: number): Promise<void> {
  for (const segment of log.segments.segmentsBelow(index)) {
    await deleteRangeChunked(ctx, entryRange(segment, log.gid, 0, index));
  }
  if (ctx.closing) return; // interrupted: the runs keep the segments, the next open deletes again
  log.segments.dropBelow(index);
  await deleteRangeChunked(ctx, allTimePointsRange(log.gid), (k, v) => {
    try {
      return decodeTimePoint(k, v, timeOfTimePointKey(k)).index >= index;
    } catch {
      return false; // a damaged point is deleted with the old ones
    }
  });
}
