// The entries of one group kept in memory, bounded by bytes. Two parts:
//   - the tail: a contiguous run ending at the last persisted index. It is
//     what a leader replicates and what gets applied right after commit, so
//     in steady state the core never waits for the disk;
//   - loaded segments: contiguous runs read back from LevelDB after a miss
//     (a lagging follower, applying after a restart), least recently loaded
//     evicted first.
// Older segments are evicted before the tail, the tail from its old end; a
// segment just loaded is kept while it fits (a load is at most half the
// cache), since the core is about to ask for it. That is best effort: the
// loader holds each load until the core has read it (range-loader.ts).
//
// The tail's bytes are copies in reused slabs (cache-slabs.ts): entries that
// stay cached for seconds would otherwise be promoted and become the old
// generation's garbage, and V8 would run a full mark every few seconds.

import type { Entry } from '@rheo/raft';
import { type Slab, SlabCarver, type SlabPool } from '@rheo/wire';
import { assert } from './assert.js';
import { slabBytesFor } from './cache-slabs.js';
import type { StoredEntry } from './records.js';

/** Bookkeeping charged per entry on top of its data, so tiny entries are not free. */
const ENTRY_OVERHEAD_BYTES = 64;

/** What an entry costs against the cache's bound (range-loader.ts sizes its loads by it). */
export function cacheCost(e: Entry): number {
  return e.data.byteLength + ENTRY_OVERHEAD_BYTES;
}

interface Segment {
  lo: number;
  entries: StoredEntry[];
  bytes: number;
}

export class EntryCache {
  private tail: StoredEntry[] = [];
  /** The slab holding each tail entry's bytes (parallel to `tail`), undefined for an entry kept as given. */
  private tailSlabs: (Slab | undefined)[] = [];
  /** Index into `tail` of its first live element (dropping from the front without shifting). */
  private tailHead = 0;
  private tailBytes = 0;
  /** Carves the tail's copies; undefined without a pool. */
  private readonly carver: SlabCarver | undefined;
  /** Least recently loaded first. */
  private segments: Segment[] = [];
  private segmentBytes = 0;

  /** `pool`: where the tail's copies live (cache-slabs.ts says why); without one, entries are kept as given. */
  constructor(
    private cacheBytesMax: number,
    pool?: SlabPool,
  ) {
    this.carver = pool === undefined ? undefined : new SlabCarver(pool);
  }

  /** The current byte bound (the node rebalances it as groups come and go). */
  get bound(): number {
    return this.cacheBytesMax;
  }

  setBound(bytes: number): void {
    this.cacheBytesMax = bytes;
    this.evict();
  }

  get bytes(): number {
    return this.tailBytes + this.segmentBytes;
  }

  private tailFirst(): number | undefined {
    return this.tail[this.tailHead]?.index;
  }

  /** Adds persisted entries; anything cached at or after entries[0].index is replaced. */
  append(entries: readonly StoredEntry[]): void {
    if (entries.length === 0) return;
    const first = entries[0]!.index;
    this.truncateFrom(first);
    const tailLast = this.tail[this.tail.length - 1]?.index;
    if (tailLast !== undefined && tailLast + 1 !== first) this.clearTail();
    for (const e of entries) {
      const carved = this.carver?.carve(e.data.byteLength, slabBytesFor(this.cacheBytesMax));
      if (carved === undefined) {
        this.tail.push(e);
      } else {
        carved.bytes.set(e.data);
        this.tail.push({ index: e.index, term: e.term, type: e.type, data: carved.bytes, timeMs: e.timeMs });
      }
      this.tailSlabs.push(carved?.slab);
      this.tailBytes += cacheCost(e);
    }
    this.evict();
  }

  /** An entry leaves the tail: its slab goes back to the pool once nothing in it is cached. */
  private release(slab: Slab | undefined): void {
    if (slab !== undefined) this.carver!.release(slab);
  }

  /** Forgets entries >= index (a suffix overwritten by a new leader). */
  truncateFrom(index: number): void {
    while (this.tail.length > this.tailHead && this.tail[this.tail.length - 1]!.index >= index) {
      this.tailBytes -= cacheCost(this.tail.pop()!);
      this.release(this.tailSlabs.pop());
    }
    this.segments = this.segments.flatMap((s) => {
      if (s.lo >= index) {
        this.segmentBytes -= s.bytes;
        return [];
      }
      const keep = index - s.lo;
      if (keep >= s.entries.length) return [s];
      const dropped = s.entries.splice(keep);
      const droppedBytes = dropped.reduce((n, e) => n + cacheCost(e), 0);
      s.bytes -= droppedBytes;
      this.segmentBytes -= droppedBytes;
      return [s];
    });
  }

  /** Forgets entries < index (compacted away). */
  compactBefore(index: number): void {
    while (this.tailHead < this.tail.length && this.tail[this.tailHead]!.index < index) this.dropTailHead();
    this.segments = this.segments.filter((s) => {
      const keep = s.lo + s.entries.length > index;
      if (!keep) this.segmentBytes -= s.bytes;
      return keep;
    });
  }

  clear(): void {
    this.clearTail();
    this.carver?.retire();
    this.segments = [];
    this.segmentBytes = 0;
  }

  /** Adds entries read from disk after a miss. */
  addSegment(entries: StoredEntry[]): void {
    if (entries.length === 0) return;
    const bytes = entries.reduce((n, e) => n + cacheCost(e), 0);
    const seg = { lo: entries[0]!.index, entries, bytes };
    this.segments.push(seg);
    this.segmentBytes += bytes;
    // The segment just loaded is what the core is about to ask for: evict around it.
    this.evict(seg);
  }

  /**
   * Cached entries from `lo` on, contiguous, below `hi`, stopping before the
   * data size passes `maxBytes` (at least one entry); null when `lo` is not cached.
   */
  get(lo: number, hi: number, maxBytes: number): StoredEntry[] | null {
    const out: StoredEntry[] = [];
    let size = 0;
    let next = lo;
    // A segment may end right where the tail starts: continue into the tail.
    for (let pass = 0; pass < 2 && next < hi; pass++) {
      const src = this.locate(next);
      if (src === null) break;
      for (let i = src.at; i < src.list.length && next < hi; i++) {
        const e = src.list[i]!;
        assert(e.index === next, `EntryCache: non-contiguous at ${next}`);
        size += e.data.byteLength;
        if (out.length > 0 && size > maxBytes) return out;
        // A slab's bytes are reused once evicted: hand out a copy, never a view (cache-slabs.ts).
        out.push(src.slabs?.[i] === undefined ? e : { ...e, data: Buffer.from(e.data) });
        next++;
      }
    }
    return out.length === 0 ? null : out;
  }

  private locate(index: number): { list: StoredEntry[]; slabs?: (Slab | undefined)[]; at: number } | null {
    const tf = this.tailFirst();
    if (tf !== undefined && index >= tf && index <= this.tail[this.tail.length - 1]!.index) {
      return { list: this.tail, slabs: this.tailSlabs, at: this.tailHead + (index - tf) };
    }
    for (let i = this.segments.length - 1; i >= 0; i--) {
      const s = this.segments[i]!;
      if (index >= s.lo && index < s.lo + s.entries.length) return { list: s.entries, at: index - s.lo };
    }
    return null;
  }

  private evict(keep?: Segment): void {
    while (this.bytes > this.cacheBytesMax && this.segments.length > 0 && this.segments[0] !== keep) {
      this.segmentBytes -= this.segments.shift()!.bytes;
    }
    // Keep at least the newest entry: it is the one replicated next.
    while (this.bytes > this.cacheBytesMax && this.tail.length - this.tailHead > 1) this.dropTailHead();
    while (this.bytes > this.cacheBytesMax && this.segments.length > 0) {
      this.segmentBytes -= this.segments.shift()!.bytes;
    }
  }

  private dropTailHead(): void {
    this.tailBytes -= cacheCost(this.tail[this.tailHead]!);
    this.tail[this.tailHead] = undefined as unknown as StoredEntry;
    this.release(this.tailSlabs[this.tailHead]);
    this.tailSlabs[this.tailHead] = undefined;
    this.tailHead++;
    // Reclaim the dead front once it is most of the array (amortized O(1)).
    if (this.tailHead > 1024 && this.tailHead * 2 > this.tail.length) {
      this.tail = this.tail.slice(this.tailHead);
      this.tailSlabs = this.tailSlabs.slice(this.tailHead);
      this.tailHead = 0;
    }
  }

  private clearTail(): void {
    for (let i = this.tailHead; i < this.tailSlabs.length; i++) this.release(this.tailSlabs[i]);
    this.tailSlabs = [];
    this.tail = [];
    this.tailHead = 0;
    this.tailBytes = 0;
  }
}
