// How the entry cache sizes the slabs it copies its tail into (the slabs
// themselves are @rheo/wire's SlabPool, carved by a SlabCarver; entries over
// a quarter slab keep their own buffer).
//
// Why slabs: every entry a node persists passes through its group's cache
// tail and stays there for seconds, long enough for V8 to promote its
// buffer to the old generation. A promoted buffer counts as external memory
// until a mark-compact frees it, and V8 starts a mark-compact whenever
// external memory has grown 64 MB since the last one ("external memory
// pressure" in --trace-incremental-marking). At 13 MB/s per node that was a
// full mark about every 5 s on every node, each holding up the leader's
// event loop for tens of milliseconds: most of the produce p99 at half the
// maximum rate (docs/bench.md, "2026-12-02, fifth"). Bytes copied into a
// reused slab do not become garbage, and the entries' own buffers (a gRPC
// message, the leader's proposal) die young, in scavenges. Since a slab is
// reused, the cache never lets a view of one out (EntryCache.get copies).

/** The largest slab: many entries each, and a short way round for a busy group. */
export const SLAB_BYTES_MAX = 256 * 1024;
/** The smallest slab: below it, copying would save the collector too little to pay. */
export const SLAB_BYTES_MIN = 16 * 1024;
/** Idle slabs a node keeps for its groups to take again; more go back to the collector. */
export const SLAB_POOL_IDLE_BYTES_MAX = 16 * 1024 * 1024;

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
