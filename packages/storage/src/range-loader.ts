// Cache misses of the synchronous RaftStorage.entries: the call answers
// null and this starts ONE background load per group (later misses while it
// runs are coalesced into a single retry), bounded node-wide by the load
// limiter. When the load lands in the cache, `onLoaded` fires and the driver
// calls RawNode.notifyStorageLoaded(); the core asks again and is served.
//
// The load is also held here until the core has read it (`take`), because
// the cache alone may drop it first: it evicts to its byte bound and always
// keeps the tail's newest entry, so a load with an entry bigger than about
// half the bound is evicted as it lands, and an append that lands before the
// core asks again evicts loaded segments before the tail. The core then
// missed, loaded again, and was never served: a leader with a few hundred
// KiB of cache per group spun on loads, both cores busy, and its lagging
// follower never caught up. Held, every load is served once whatever the
// bound (1 byte included). At most one load per group is held, past the
// bound only until it is read, the next load lands, or an overwrite or a
// snapshot makes it stale.

import { isLogCompacted } from '@rheo/raft';
import type { StoreContext } from './context.js';
import { cacheCost, type EntryCache } from './entry-cache.js';
import { CorruptDataError } from './errors.js';
import { type LogBounds, readEntries } from './group-reads.js';
import type { StoredEntry } from './records.js';

export class RangeLoader {
  private loading = false;
  /** A miss arrived while loading: fire onLoaded again after, so the core retries and we load what it wants. */
  private missedWhileLoading = false;
  private loadsDone = 0;
  /** The newest load, until the core reads it (see the file comment). */
  private held: StoredEntry[] | undefined;
  onLoaded: () => void = () => {};

  constructor(
    private readonly ctx: StoreContext,
    private readonly log: LogBounds,
    private readonly cache: EntryCache,
  ) {}

  get completedLoads(): number {
    return this.loadsDone;
  }

  /**
   * The held load's entries from `lo` on (lo < hi), below `hi`, stopping
   * before the data size passes `maxBytes` (at least one); null when it does
   * not hold `lo`. Reading it lets it go: the core got what it waited for.
   */
  take(lo: number, hi: number, maxBytes: number): StoredEntry[] | null {
    const held = this.held;
    const at = held === undefined ? -1 : lo - held[0]!.index;
    if (held === undefined || at < 0 || at >= held.length) return null;
    this.held = undefined;
    const out: StoredEntry[] = [];
    let size = 0;
    for (let i = at; i < held.length && held[i]!.index < hi; i++) {
      size += held[i]!.data.byteLength;
      if (out.length > 0 && size > maxBytes) break;
      out.push(held[i]!);
    }
    return out;
  }

  /** Entries from `index` on were replaced (a suffix overwrite became durable): a held load with any is stale. */
  truncateFrom(index: number): void {
    const held = this.held;
    if (held !== undefined && held[held.length - 1]!.index >= index) this.held = undefined;
  }

  /** The log was replaced by a snapshot. */
  clear(): void {
    this.held = undefined;
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
          this.held = entries;
          // A copy of the list: the cache trims its segments in place.
          this.cache.addSegment(entries.slice());
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
