// Turning a client batch into a stored one: the leader writes the first
// record's sequence number and the arrival time into the header's reserved
// region, flips the form byte and reseals the header CRC. The body, and so
// its CRC, is untouched: no record is re-encoded (batch-format.ts).
import assert from 'node:assert/strict';
import {
  batchHeaderBytes,
  formClient,
  formStored,
  offsetArrivalMs,
  offsetFirstSequence,
  offsetForm,
  offsetRecordCount,
  readU32,
  readU53,
  readU128,
  writeU53,
  writeU128,
} from './batch-format.js';
import { sealHeader } from './batch-header.js';
import { sequenceNumberAfter, sequenceNumberOffset } from './sequence-number.js';

export interface BatchStamp {
  /** The first record's sequence number; record i has firstSequence + i. */
  readonly firstSequence: bigint;
  /** When the leader accepted the batch, ms since the Unix epoch. */
  readonly arrivalMs: number;
}

/**
 * Stamps a validated client batch IN PLACE and returns it, now stored.
 * Copy the buffer first if its bytes must stay as they were.
 */
export function stampBatch(batch: Uint8Array, stamp: BatchStamp): Uint8Array {
  assert.ok(
    batch.length >= batchHeaderBytes && batch[offsetForm] === formClient,
    'stampBatch needs a client batch',
  );
  assert.ok(Number.isSafeInteger(stamp.arrivalMs) && stamp.arrivalMs >= 0, `arrivalMs ${stamp.arrivalMs}`);
  // Asserts the whole batch numbers within one entry's positions.
  sequenceNumberAfter(stamp.firstSequence, readU32(batch, offsetRecordCount) - 1);
  writeU128(batch, offsetFirstSequence, stamp.firstSequence - sequenceNumberOffset);
  writeU53(batch, offsetArrivalMs, stamp.arrivalMs);
  batch[offsetForm] = formStored;
  sealHeader(batch);
  return batch;
}

/** The stamp of a validated stored batch, or undefined for a client batch. */
export function readBatchStamp(batch: Uint8Array): BatchStamp | undefined {
  if (batch[offsetForm] !== formStored) return undefined;
  return {
    firstSequence: readU128(batch, offsetFirstSequence) + sequenceNumberOffset,
    arrivalMs: readU53(batch, offsetArrivalMs),
  };
}

/** The sequence number of record `index` of a stored batch. */
export function recordSequenceNumber(stamp: BatchStamp, index: number): bigint {
  return stamp.firstSequence + BigInt(index);
}
