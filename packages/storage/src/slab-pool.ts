// Memory the entry cache copies its tail into: fixed slabs that are
// written over again instead of being left to the garbage collector.
//
// Why: every entry a node persists passes through its group's cache and
// stays there for seconds, long enough for V8 to promote its buffer to the
// old generation. A promoted buffer counts as external memory until a
// mark-compact frees it, and V8 starts a mark-compact whenever external
// memory has grown 64 MB since the last one ("external memory pressure" in
// --trace-incremental-marking). At 13 MB/s per node that was a full mark
// about every 5 s on every node, and each one held up the leader's event
// loop for tens of milliseconds: most of the produce p99 at half the
// maximum rate (docs/bench.md, "2026-12-02, fifth"). Bytes copied into a
// slab that is reused do not become garbage, and the entries' own buffers
// (a gRPC message, the leader's proposal) now die young, in scavenges.
//
// A slab goes back to the pool only when the cache holds none of its
// entries, and the cache never lets a view of a slab out (EntryCache.get
// hands out copies), so reusing a slab cannot change bytes anyone reads.

/** The largest slab: many entries each, and a short way round for a busy group. */
export const SLAB_BYTES_MAX = 256 * 1024;
/** The smallest slab: below it, copying would save the collector too little to pay. */
export const SLAB_BYTES_MIN = 16 * 1024;

/**
 * The slab size for a cache bounded to `cacheBytes`: a power of two near a
 * quarter of the bound, so a group's slabs (the partly filled one included)
 * stay near its share of the node's cache budget even with many groups.
 */
export function slabBytesFor(cacheBytes: number): number {
  let size = SLAB_BYTES_MAX;
  while (size > SLAB_BYTES_MIN && size * 4 > cacheBytes) size /= 2;
  return size;
}

/** Entries larger than this keep their own buffer: a slab would waste too much of its end. */
export function slabEntryBytesMax(slabBytes: number): number {
  return slabBytes / 4;
}

/** Free slabs shared by a node's group caches, by size, bounded in bytes so an idle node gives memory back. */
export class SlabPool {
  private readonly free = new Map<number, Uint8Array[]>();
  private freeBytes = 0;
  private allocatedBytes = 0;

  constructor(private readonly freeBytesMax: number) {}

  take(size: number): Uint8Array {
    const slab = this.free.get(size)?.pop();
    if (slab !== undefined) {
      this.freeBytes -= size;
      return slab;
    }
    this.allocatedBytes += size;
    // Unsafe (not zeroed): a slab's bytes are only ever read where they were written.
    return Buffer.allocUnsafeSlow(size);
  }

  give(slab: Uint8Array): void {
    const size = slab.byteLength;
    if (this.freeBytes + size > this.freeBytesMax) {
      this.allocatedBytes -= size;
      return;
    }
    let list = this.free.get(size);
    if (list === undefined) {
      list = [];
      this.free.set(size, list);
    }
    list.push(slab);
    this.freeBytes += size;
  }

  /** Bytes of slabs handed out and not dropped, free ones included. */
  get bytes(): number {
    return this.allocatedBytes;
  }

  /** Bytes of free slabs waiting to be taken again. */
  get idleBytes(): number {
    return this.freeBytes;
  }
}

/** One slab as a cache fills it: written front to back, reused once nothing in it is cached. */
export class Slab {
  private used = 0;
  /** Cached entries whose bytes are in this slab. */
  live = 0;

  constructor(readonly bytes: Uint8Array) {}

  /** Whether `n` more bytes fit, counting a slab with nothing live as empty. */
  fits(n: number): boolean {
    if (this.live === 0) this.used = 0;
    return this.used + n <= this.bytes.byteLength;
  }

  /** A copy of `data` in this slab (the caller checked `fits`). */
  copyIn(data: Uint8Array): Uint8Array {
    const n = data.byteLength;
    const view = this.bytes.subarray(this.used, this.used + n);
    view.set(data);
    this.used += n;
    this.live++;
    return view;
  }
}
