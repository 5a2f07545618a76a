// Hash keys of the records in a batch, for the leader's check that every
// record belongs to its shard. A record with an explicit hash key is read
// in place; otherwise the partition key's bytes are hashed (MD5) in place,
// without decoding them to a string and without allocating (md5.ts).
import { hashKeyBytes } from './batch-format.js';
import { compareHashKeyBytes } from './hash-key.js';
import type { HashRangeBytes } from './hash-range.js';
import { md5Into } from './md5.js';
import { RecordCursor } from './record-cursor.js';

/**
 * Writes the current record's hash key (16 big-endian bytes) into `out` at
 * `offset`: its explicit hash key, or MD5 of its partition key.
 */
export function recordHashKey(cursor: RecordCursor, out: Uint8Array, offset = 0): void {
  const batch = cursor.buffer;
  if (cursor.hashKeyOffset >= 0) {
    out.set(batch.subarray(cursor.hashKeyOffset, cursor.hashKeyOffset + hashKeyBytes), offset);
  } else {
    md5Into(batch, cursor.keyOffset, cursor.keyOffset + cursor.keyBytes, out, offset);
  }
}

/** Every record's hash key, 16 bytes each, back to back, in record order. */
export function batchHashKeys(batch: Uint8Array, recordCount: number): Buffer {
  const out = Buffer.allocUnsafe(recordCount * hashKeyBytes);
  const cursor = new RecordCursor(batch);
  while (cursor.next()) recordHashKey(cursor, out, cursor.index * hashKeyBytes);
  return out;
}

/**
 * The index of the first record of a validated batch whose hash key lies
 * outside `range`, or -1 when all are inside. A shard owning the whole key
 * space skips hashing altogether.
 */
export function firstRecordOutsideRange(batch: Uint8Array, range: HashRangeBytes): number {
  if (range.full) return -1;
  const key = new Uint8Array(hashKeyBytes);
  const cursor = new RecordCursor(batch);
  while (cursor.next()) {
    recordHashKey(cursor, key);
    if (compareHashKeyBytes(key, 0, range.start, 0) < 0 || compareHashKeyBytes(key, 0, range.end, 0) > 0) {
      return cursor.index;
    }
  }
  return -1;
}
