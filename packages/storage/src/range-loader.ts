// Cache misses of the synchronous RaftStorage.entries: the call answers
// null and this starts ONE background load per group (later misses while it
// runs are coalesced into a single retry), bounded node-wide by the load
// limiter. When the load lands in the cache, `onLoaded` fires and the driver
// calls RawNode.notifyStorageLoaded(); the core asks again and is served.

import { isLogCompacted } from '@rheo/raft';
import type { StoreContext } from './context.js';
import { cacheCost, type EntryCache } from './entry-cache.js';
import { CorruptDataError } from './errors.js';
import { type LogBounds, readEntries } from './group-reads.js';

export class RangeLoader {
  private loading = false;
  /** A miss arrived while loading: fire onLoaded again after, so the core retries and we load what it wants. */
  private missedWhileLoading = false;
  private loadsDone = 0;
  onLoaded: () => void = () => {};

  constructor(
    private readonly ctx: StoreContext,
    private readonly log: LogBounds,
    private readonly cache: EntryCache,
  ) {}

  get completedLoads(): number {
    return this.loadsDone;
  }

  /** Called on a miss for [lo, hi). */
  request(lo: number, hi: number): void {
    if (this.loading) {
      this.missedWhileLoading = true;
      return;
    }
    if (!this.ctx.loads.tryAcquire()) {
      // No slot: be woken when one frees, then the core retries and we come back here.
      this.ctx.loads.wakeWhenFree(this.wake);
      return;
    }
    this.loading = true;
    this.missedWhileLoading = false;
    const epoch = this.log.truncationEpoch();
    this.ctx.background(`load ${this.log.name} [${lo}, ${hi})`, async () => {
      let retry = true;
      try {
        // At most half the cache, so the loaded segment never pushes out the whole replication tail.
        const bytesMax = Math.max(
          1,
          Math.min(this.ctx.options.loadBytesMax, Math.floor(this.cache.bound / 2)),
        );
        // Sized by the cache's own cost (data + bookkeeping): sized by data alone, a load of
        // tiny entries could pass the whole bound, be evicted at once, and be loaded again forever.
        const entries = await readEntries(this.ctx, this.log, lo, hi, hi - lo, bytesMax, cacheCost);
        // A suffix overwrite or snapshot staged meanwhile may have made these stale: drop them, the retry reloads.
        if (epoch === this.log.truncationEpoch() && entries[0]?.index === lo && lo >= this.log.firstIndex()) {
          this.cache.addSegment(entries);
        }
      } catch (e) {
        // Corruption was reported by readEntries (the driver marks the node damaged): no retry storm.
        // A trim that raced the load: the retry gets LogCompactedError from entries() and sends a snapshot.
        if (e instanceof CorruptDataError) retry = false;
        else if (!isLogCompacted(e)) throw e;
      } finally {
        this.loading = false;
        this.loadsDone++;
        this.ctx.loads.release();
        if (retry || this.missedWhileLoading) this.onLoaded();
      }
    });
  }

  private readonly wake = (): void => {
    this.onLoaded();
  };
}
