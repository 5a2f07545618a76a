// Reading records out of a batch, for callers that want values rather than
// offsets: consumers, tests, the CLI. Data stays a view over the batch; the
// partition key is decoded to a string, which is the allocation the hot path
// (RecordCursor) avoids.

import { validateBatch } from './batch-validate.js';
import { type BatchLimits, storedBatchLimits } from './limits.js';
import { RecordCursor } from './record-cursor.js';

export interface DecodedRecord {
  readonly partitionKey: string;
  /** A view over the batch's bytes, not a copy: copy it to keep it past the batch. */
  readonly data: Buffer;
  readonly explicitHashKey?: bigint;
}

/**
 * Calls `visit` with a cursor on each record of a batch validateBatch has
 * accepted. The cursor is reused: read what you need inside the callback.
 */
export function forEachRecord(batch: Uint8Array, visit: (cursor: RecordCursor) => void): void {
  const cursor = new RecordCursor(batch);
  while (cursor.next()) visit(cursor);
}

/** Iterates the records of a validated batch as cursor positions (the same cursor each time). */
export function* recordCursors(batch: Uint8Array): Generator<RecordCursor, void, undefined> {
  const cursor = new RecordCursor(batch);
  while (cursor.next()) yield cursor;
}

/**
 * Validates `batch` (stored limits by default, as a reader sees batches) and
 * returns its records as values.
 */
export function decodeBatch(batch: Uint8Array, limits: BatchLimits = storedBatchLimits): DecodedRecord[] {
  validateBatch(batch, limits);
  const records: DecodedRecord[] = [];
  forEachRecord(batch, (cursor) => {
    const explicitHashKey = cursor.explicitHashKey();
    const partitionKey = cursor.partitionKey();
    const data = cursor.data();
    records.push(
      explicitHashKey === undefined ? { partitionKey, data } : { partitionKey, data, explicitHashKey },
    );
  });
  return records;
}
