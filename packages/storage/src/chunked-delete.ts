// Deleting a large key range (old log entries, a deleted group) in bounded
// chunks: read up to `trimChunkKeysMax` keys, delete them in one unsynced
// batch, yield, repeat. A chunk is small enough that the writer's synced
// batches never queue behind a long delete inside LevelDB.
//
// Unsynced is safe: these ranges are already dead (below a durable
// compaction point, or of a group durably marked as deleting); a crash may
// bring some keys back, and recovery schedules the deletion again.

import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { StoreContext } from './context.js';
import type { KeyRange } from './keys.js';

/** Deletes the keys of `range` in order, stopping before the first one `stopAt` accepts; returns how many. */
export async function deleteRangeChunked(
  ctx: StoreContext,
  range: KeyRange,
  stopAt?: (key: Uint8Array, value: Uint8Array) => boolean,
): Promise<number> {
  let deleted = 0;
  let from = range.gte;
  while (!ctx.closing) {
    const rows = await ctx.db
      .iterator({
        gte: from,
        lt: range.lt,
        limit: ctx.options.trimChunkKeysMax,
        values: stopAt !== undefined,
      })
      .all();
    let keys = rows.map(([k]) => k);
    let stopped = false;
    if (stopAt) {
      const end = rows.findIndex(([k, v]) => stopAt(k, v));
      if (end >= 0) {
        keys = keys.slice(0, end);
        stopped = true;
      }
    }
    if (keys.length > 0) {
      await ctx.db.batch(
        keys.map((key) => ({ type: 'del' as const, key })),
        { sync: false },
      );
      deleted += keys.length;
    }
    if (stopped || rows.length < ctx.options.trimChunkKeysMax) break;
    from = rows[rows.length - 1]![0];
    await yieldToLoop();
  }
  return deleted;
}
