// Buffers carved from large slabs that are reused once nothing carved from
// them is in use, instead of one allocation per buffer left to the garbage
// collector.
//
// Why (both users, docs/bench.md "2026-12-02, fifth"): a buffer that lives
// past two scavenges is promoted to V8's old generation and counts as
// external memory until a mark-compact frees it, and V8 starts a full mark
// whenever external memory has grown 64 MB since the last one. Record bytes
// held for tens of milliseconds (a producer's batches until acknowledged)
// or seconds (a node's entry cache) at tens of MB/s made that a full mark
// every few seconds, each one a pause in every acknowledgement. Bytes in a
// reused slab never become garbage.
//
// The owner carves through a SlabCarver and gives each piece back with
// `SlabCarver.release`; a slab returns to the pool only when none is left,
// and the owner must not let a carved view be read after it gave it back. A piece never given back just keeps its slab out of
// the pool, to be collected like any buffer once nothing references it.

/** A slab as it is carved, front to back. */
export class Slab {
  private used = 0;
  /** Pieces carved and not given back. */
  live = 0;

  constructor(readonly bytes: Buffer) {}

  /** Whether `n` more bytes fit, a slab with nothing live counting as empty. */
  fits(n: number): boolean {
    if (this.live === 0) this.used = 0;
    return this.used + n <= this.bytes.length;
  }

  /** `n` bytes of this slab, not zeroed (the caller checked `fits`). */
  carve(n: number): Buffer {
    if (this.live === 0) this.used = 0;
    if (this.used + n > this.bytes.length) throw new RangeError(`slab: ${n} bytes do not fit`);
    const view = this.bytes.subarray(this.used, this.used + n);
    this.used += n;
    this.live++;
    return view;
  }
}

/** Free slabs by size, up to `idleBytesMax` of them; beyond that they go to the collector. */
export class SlabPool {
  private readonly free = new Map<number, Slab[]>();
  private idle = 0;
  private allocated = 0;

  constructor(private readonly idleBytesMax: number) {}

  /** An empty slab of `size` bytes, reused when one is free. */
  take(size: number): Slab {
    const slab = this.free.get(size)?.pop();
    if (slab !== undefined) {
      this.idle -= size;
      return slab;
    }
    this.allocated += size;
    // Unsafe (not zeroed): a slab's bytes are only ever read where they were written.
    return new Slab(Buffer.allocUnsafeSlow(size));
  }

  /** A slab its owner no longer carves from: back to the pool now if nothing in it is live, else when its last piece is. */
  retire(slab: Slab): void {
    if (slab.live === 0) this.putBack(slab);
  }

  /**
   * A piece of `slab` is no longer read. `current` is the slab its owner
   * still carves from, which stays with the owner even when empty.
   */
  release(slab: Slab, current: Slab | undefined): void {
    slab.live--;
    if (slab.live === 0 && slab !== current) this.putBack(slab);
  }

  private putBack(slab: Slab): void {
    const size = slab.bytes.length;
    if (this.idle + size > this.idleBytesMax) {
      this.allocated -= size;
      return;
    }
    let list = this.free.get(size);
    if (list === undefined) {
      list = [];
      this.free.set(size, list);
    }
    list.push(slab);
    this.idle += size;
  }

  /** Bytes of slabs taken and not dropped, free ones included. */
  get bytes(): number {
    return this.allocated;
  }

  /** Bytes of free slabs waiting to be taken again. */
  get idleBytes(): number {
    return this.idle;
  }
}

/** Pieces larger than this get no slab: a slab would waste too much of its end. */
export function slabPieceBytesMax(slabBytes: number): number {
  return slabBytes / 4;
}

/** Carves pieces from one slab of a pool at a time, moving to a new one when a piece does not fit. */
export class SlabCarver {
  private current: Slab | undefined;

  constructor(private readonly pool: SlabPool) {}

  /**
   * `n` bytes from a slab of `slabBytes`, with the slab to give back; undefined
   * when `n` is over slabPieceBytesMax (the caller keeps a buffer of its own).
   */
  carve(n: number, slabBytes: number): { readonly bytes: Buffer; readonly slab: Slab } | undefined {
    if (n > slabPieceBytesMax(slabBytes)) return undefined;
    const current = this.current;
    if (current === undefined || current.bytes.length !== slabBytes || !current.fits(n)) {
      if (current !== undefined) this.pool.retire(current);
      this.current = this.pool.take(slabBytes);
    }
    const slab = this.current!;
    return { bytes: slab.carve(n), slab };
  }

  /** A piece will not be read again. */
  release(slab: Slab): void {
    this.pool.release(slab, this.current);
  }

  /** Carves no more from the current slab: it goes back to the pool once its pieces have. */
  retire(): void {
    if (this.current !== undefined) this.pool.retire(this.current);
    this.current = undefined;
  }
}
