// The producer encodes its batches into reused slabs (@rheo/wire's
// SlabPool) instead of a fresh buffer each.
//
// Why: a batch's bytes live from its linger until its acknowledgement, tens
// of milliseconds, often past two of V8's scavenges, so its buffer was
// promoted and counted as external memory until a mark-compact. The bench
// client at 20,000 records/s ran a full mark every 3-4 s for that
// ("external memory pressure"), each one a pause in every acknowledgement
// (docs/bench.md, "2026-12-02, fifth"). A slab's bytes never become garbage.
//
// A batch's piece goes back only when the batch is acknowledged: by then the
// request was serialized onto the stream (gRPC copies the bytes as it
// writes), and nothing reads the batch again. A batch that fails, is
// retried past a stream reset or is re-routed after a split keeps its piece;
// its slab then just stays out of the pool and is collected like any buffer.
import { encodeBatchWith, type RecordInput, type Slab, SlabCarver, SlabPool } from '@rheo/wire';

/** Slab size: about a second's worth of small batches for a busy shard. */
const SLAB_BYTES = 1024 * 1024;
/** Idle slabs kept for reuse; more go back to the collector. */
const IDLE_BYTES_MAX = 4 * 1024 * 1024;

export interface EncodedBatch {
  readonly encoded: Buffer;
  /** The slab it was carved from; undefined when it has its own buffer (over a quarter slab). */
  readonly slab: Slab | undefined;
}

export class BatchSlabs {
  private readonly pool = new SlabPool(IDLE_BYTES_MAX);
  private readonly carver = new SlabCarver(this.pool);

  /** Encodes `records` (encodeBatch's rules and errors) into a slab when the batch is small enough. */
  encode(records: readonly RecordInput[]): EncodedBatch {
    let slab: Slab | undefined;
    const encoded = encodeBatchWith(records, (bytes) => {
      const carved = this.carver.carve(bytes, SLAB_BYTES);
      slab = carved?.slab;
      return carved?.bytes ?? Buffer.allocUnsafe(bytes);
    });
    return { encoded, slab };
  }

  /** The batch was acknowledged: its bytes will not be read again. */
  release(slab: Slab | undefined): void {
    if (slab !== undefined) this.carver.release(slab);
  }

  /** Bytes of slabs held, idle ones included. */
  get bytes(): number {
    return this.pool.bytes;
  }
}
