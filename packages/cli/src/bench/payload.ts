// The bench's records: `recordBytes` of data whose first 8 bytes are the
// send time (ms since the epoch, a float64 with sub-ms precision), so a
// reader measures end-to-end delivery from the record alone, and whose next
// 8 bytes number the record (producer index and count) for matching.
// Partition keys come from a fixed set so records spread over every shard.

/** Bytes at the head of every bench record: send time (8) and producer/record numbers (4 + 4). */
export const payloadHeaderBytes = 16;
const partitionKeyCount = 4096;
const slabBytes = 1024 * 1024;

export function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}

/** A slab records are cut from, and how many of its records the producer still holds. */
interface Slab {
  readonly bytes: Buffer;
  outstanding: number;
}

/** A bench record: the producer's fields, and the slab its data lives in (for `done`). */
export interface BenchRecord {
  readonly partitionKey: string;
  readonly data: Buffer;
  readonly slab: Slab;
}

export class PayloadMaker {
  readonly keys: readonly string[];
  private readonly size: number;
  private count = 0;
  private slab: Slab | undefined;
  private slabUsed = 0;
  /** Slabs whose records were all settled: reused instead of allocating (and page-faulting) new memory. */
  private readonly free: Slab[] = [];

  constructor(
    readonly recordBytes: number,
    readonly producerIndex: number,
  ) {
    this.size = Math.max(recordBytes, payloadHeaderBytes);
    this.keys = Array.from({ length: partitionKeyCount }, (_v, i) => `pk-${producerIndex}-${i}`);
  }

  /**
   * A fresh record stamped with the current time. The producer keeps its
   * data until the record settles; then `done(record)` lets its slab be
   * reused (a caller that never calls it only costs fresh slabs).
   */
  next(): BenchRecord {
    const size = this.size;
    // Records are cut from slabs of the filler byte: per record only the 16
    // header bytes are written (a 1 KiB copy per record was the bench
    // client's largest cost, ~10% of its CPU). Settled slabs are reused: a
    // fresh 1 MiB allocation per 1,024 records cost the client ~10% more in
    // page faults (perf, docs/bench.md).
    if (this.slab === undefined || this.slabUsed + size > this.slab.bytes.length) {
      this.retire();
      this.slab = this.free.pop() ?? { bytes: Buffer.alloc(Math.max(slabBytes, size), 0x61), outstanding: 0 };
      this.slabUsed = 0;
    }
    const slab = this.slab;
    const data = slab.bytes.subarray(this.slabUsed, this.slabUsed + size);
    this.slabUsed += size;
    slab.outstanding++;
    data.writeDoubleLE(wallClockMs(), 0);
    data.writeUInt32LE(this.producerIndex, 8);
    data.writeUInt32LE(this.count, 12);
    const partitionKey = this.keys[this.count % partitionKeyCount]!;
    this.count++;
    return { partitionKey, data: data.subarray(0, this.recordBytes), slab };
  }

  /** The record settled (acknowledged or failed): the producer no longer reads its data. */
  done(record: BenchRecord): void {
    const slab = record.slab;
    slab.outstanding--;
    if (slab.outstanding === 0 && slab !== this.slab) this.free.push(slab);
  }

  private retire(): void {
    if (this.slab !== undefined && this.slab.outstanding === 0) this.free.push(this.slab);
    this.slab = undefined;
  }
}

/** The send time embedded in a bench record, or undefined for a record too short to hold one. */
export function sentAtMs(data: Uint8Array): number | undefined {
  if (data.length < 8) return undefined;
  return Buffer.from(data.buffer, data.byteOffset, 8).readDoubleLE(0);
}
