// Record batches for tests: encoded by @rheo/wire as a producer would.
import { type BatchLimits, decodeBatch, encodeBatch, type RecordInput, readBatchStamp } from '@rheo/wire';

/** A client batch of `count` records, each `bytes` long, keys `${prefix}-${i}`, data naming the record. */
export function makeBatch(prefix: string, count: number, bytes = 16, limits?: BatchLimits): Buffer {
  const records: RecordInput[] = [];
  for (let i = 0; i < count; i++) {
    const tag = Buffer.from(`${prefix}#${i};`);
    const data = Buffer.alloc(Math.max(bytes, tag.length), 0x2e);
    tag.copy(data);
    records.push({ partitionKey: `${prefix}-${i}`, data });
  }
  return encodeBatch(records, limits);
}

export interface DeliveredRecord {
  /** "prefix#i" as makeBatch wrote it. */
  readonly tag: string;
  readonly sequenceNumber: bigint;
}

/** The records a GetRecords answer delivers, in order. */
export function delivered(batches: readonly Uint8Array[], skip: number, count: number): DeliveredRecord[] {
  const out: DeliveredRecord[] = [];
  for (const element of batches) {
    for (const b of splitAll(element)) {
      const stamp = readBatchStamp(b);
      if (stamp === undefined) throw new Error('a delivered batch is not stamped');
      decodeBatch(Buffer.from(b.buffer, b.byteOffset, b.length)).forEach((r, i) => {
        const s = r.data.toString('latin1');
        out.push({ tag: s.slice(0, s.indexOf(';')), sequenceNumber: stamp.firstSequence + BigInt(i) });
      });
    }
  }
  return out.slice(skip, skip + count);
}

function splitAll(element: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let at = 0;
  while (at < element.length) {
    const body = new DataView(element.buffer, element.byteOffset + at + 16, 4).getUint32(0);
    out.push(element.subarray(at, at + 48 + body));
    at += 48 + body;
  }
  return out;
}
