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

export class PayloadMaker {
  readonly keys: readonly string[];
  private readonly size: number;
  private count = 0;
  private slab = Buffer.alloc(0);
  private slabUsed = 0;

  constructor(
    readonly recordBytes: number,
    readonly producerIndex: number,
  ) {
    this.size = Math.max(recordBytes, payloadHeaderBytes);
    this.keys = Array.from({ length: partitionKeyCount }, (_v, i) => `pk-${producerIndex}-${i}`);
  }

  /** A fresh record stamped with the current time (the producer keeps it until its batch is encoded). */
  next(): { partitionKey: string; data: Buffer } {
    const size = this.size;
    // Records are cut from a slab filled with the filler byte once: one
    // allocation and one fill per ~1 MiB, and per record only the 16 header
    // bytes are written (a 1 KiB copy per record was the bench client's
    // largest cost, ~10% of its CPU).
    if (this.slabUsed + size > this.slab.length) {
      this.slab = Buffer.alloc(Math.max(slabBytes, size), 0x61);
      this.slabUsed = 0;
    }
    const data = this.slab.subarray(this.slabUsed, this.slabUsed + size);
    this.slabUsed += size;
    data.writeDoubleLE(wallClockMs(), 0);
    data.writeUInt32LE(this.producerIndex, 8);
    data.writeUInt32LE(this.count, 12);
    const partitionKey = this.keys[this.count % partitionKeyCount]!;
    this.count++;
    return { partitionKey, data: data.subarray(0, this.recordBytes) };
  }
}

/** The send time embedded in a bench record, or undefined for a record too short to hold one. */
export function sentAtMs(data: Uint8Array): number | undefined {
  if (data.length < 8) return undefined;
  return Buffer.from(data.buffer, data.byteOffset, 8).readDoubleLE(0);
}
