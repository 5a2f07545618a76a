// Records out of a GetRecords answer: split each element into stored
// batches, check each batch's CRCs (end to end: the bytes are the leader's
// as written), skip the records before the iterator's position, and stop
// after `record_count`. Data stays a view over the received message.
import {
  formatSequenceNumber,
  RecordCursor,
  RheoError,
  readBatchStamp,
  recordSequenceNumber,
  splitBatches,
  storedBatchLimits,
  validateBatch,
} from '@rheo/wire';

export interface ConsumedRecord {
  readonly partitionKey: string;
  /** A view over the received bytes (no copy): copy it to keep it past the next read. */
  readonly data: Buffer;
  /** Decimal string, as Kinesis spells it. */
  readonly sequenceNumber: string;
  /** When the shard's leader accepted the record, ms since the epoch. */
  readonly arrivalMs: number;
  readonly explicitHashKey?: bigint;
}

export interface StoredRecordsPage {
  readonly storedBatches: readonly Uint8Array[];
  readonly firstBatchSkipRecords: number;
  readonly recordCount: number;
}

/** Calls `visit` for each delivered record of a page, in order (cursor-level, no record objects). */
export function forEachStoredRecord(
  page: StoredRecordsPage,
  visit: (cursor: RecordCursor, sequence: bigint, arrivalMs: number) => void,
): number {
  let skip = page.firstBatchSkipRecords;
  let left = page.recordCount;
  const cursor = new RecordCursor();
  for (const element of page.storedBatches) {
    for (const batch of splitBatches(element)) {
      if (left === 0) return page.recordCount;
      validateBatch(batch, storedBatchLimits);
      const stamp = readBatchStamp(batch);
      if (stamp === undefined) throw new RheoError('Corrupt', 'GetRecords returned an unstamped batch');
      cursor.reset(batch);
      while (left > 0 && cursor.next()) {
        if (skip > 0) {
          skip--;
          continue;
        }
        left--;
        visit(cursor, recordSequenceNumber(stamp, cursor.index), stamp.arrivalMs);
      }
    }
  }
  if (left !== 0) {
    throw new RheoError('Corrupt', `GetRecords announced ${page.recordCount} records and carried fewer`);
  }
  return page.recordCount;
}

/** The delivered records of a page as values. */
export function decodeStoredRecords(page: StoredRecordsPage): ConsumedRecord[] {
  const out: ConsumedRecord[] = [];
  forEachStoredRecord(page, (cursor, sequence, arrivalMs) => {
    const explicitHashKey = cursor.explicitHashKey();
    const record = {
      partitionKey: cursor.partitionKey(),
      data: cursor.data(),
      sequenceNumber: formatSequenceNumber(sequence),
      arrivalMs,
    };
    out.push(explicitHashKey === undefined ? record : { ...record, explicitHashKey });
  });
  return out;
}
