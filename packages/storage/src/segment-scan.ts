// Finding which segments hold which groups' entries, from the keys alone
// (segment-runs.ts says why the runs are derived rather than stored).
//
// One seek per (segment, group) pair present, plus one per segment: seek to
// `03 <segment> <gid>`, and the key found there names the next pair; then
// jump past that group in that segment. Values are never read.

import { entryKey, GROUP_ID_MAX, isEntryKey, logRange, parseEntryKey, SEGMENT_MAX } from './keys.js';
import type { LevelDb } from './level.js';
import type { SegmentRun } from './segment-runs.js';

export interface LogScan {
  /** Per group id, the runs of its entries: (lowest index in the segment, segment), ascending. */
  readonly runs: Map<number, SegmentRun[]>;
  /** The highest segment holding any entry; -1 when the log is empty. */
  readonly maxSegment: number;
  /** Keys under the log's tag that are not entry keys (damage): they are reported by the caller. */
  readonly strayKeys: Uint8Array[];
}

/** Every group's segment runs (or only `onlyGid`'s). */
export async function scanLog(db: LevelDb, onlyGid?: number): Promise<LogScan> {
  const runs = new Map<number, SegmentRun[]>();
  const strayKeys: Uint8Array[] = [];
  let maxSegment = -1;
  const range = logRange();
  const it = db.keys({ gte: range.gte, lt: range.lt });
  try {
    let target: Uint8Array | undefined = onlyGid === undefined ? undefined : entryKey(0, onlyGid, 0);
    for (;;) {
      if (target !== undefined) it.seek(target);
      const key = await it.next();
      if (key === undefined) break;
      if (!isEntryKey(key)) {
        // Not one of ours: step over it (the next key after it) and keep going.
        strayKeys.push(key);
        target = undefined;
        continue;
      }
      const { segment, gid, index } = parseEntryKey(key);
      maxSegment = Math.max(maxSegment, segment);
      if (onlyGid === undefined || gid === onlyGid) {
        const list = runs.get(gid) ?? [];
        if (list.length === 0) runs.set(gid, list);
        list.push({ first: index, segment });
      }
      target = nextTarget(segment, gid, onlyGid);
      if (target === undefined) break;
    }
  } finally {
    await it.close();
  }
  // A run's first key may be a dead one below a newer segment's first (never the other way round,
  // since a segment is newer than every entry written before it); keep the list strictly ascending.
  for (const [gid, list] of runs) runs.set(gid, ascending(list));
  return { runs, maxSegment, strayKeys };
}

/** Where the next (segment, group) pair after this one can start. */
function nextTarget(segment: number, gid: number, onlyGid: number | undefined): Uint8Array | undefined {
  if (onlyGid !== undefined) {
    // Only one group: from this segment straight to the same group in the next one.
    if (gid < onlyGid) return entryKey(segment, onlyGid, 0);
    return segment < SEGMENT_MAX ? entryKey(segment + 1, onlyGid, 0) : undefined;
  }
  if (gid < GROUP_ID_MAX) return entryKey(segment, gid + 1, 0);
  return segment < SEGMENT_MAX ? entryKey(segment + 1, 0, 0) : undefined;
}

function ascending(list: SegmentRun[]): SegmentRun[] {
  const out: SegmentRun[] = [];
  for (const r of list) {
    while (out.length > 0 && out[out.length - 1]!.first >= r.first) out.pop();
    out.push(r);
  }
  return out;
}
