// The broker's hot-path check of a record batch: header, both CRCs, the
// framing of every record, and the limits, in one pass that allocates
// nothing per record (only for a non-ASCII partition key).
//
// Error rule: Corrupt when a checksum does not match (the bytes changed after
// they were sealed); InvalidArgument for everything else (not a batch,
// truncated, malformed framing, or over a limit). A broker reading its own
// disk should treat either as corruption.
import { type BatchForm, batchHeaderBytes, type CompressionCodec } from './batch-format.js';
import { readBatchHeader } from './batch-header.js';
import { crc32c } from './crc32c.js';
import { RheoError } from './errors.js';
import { type BatchLimits, clientBatchLimits } from './limits.js';
import { partitionKeyBytesProblem } from './partition-key.js';
import { RecordCursor } from './record-cursor.js';

export interface BatchInfo {
  readonly form: BatchForm;
  readonly codec: CompressionCodec;
  readonly recordCount: number;
  /** Partition-key bytes plus data bytes of all records: what Kinesis's byte limits count. */
  readonly recordBytes: number;
  /** The whole batch, header included. */
  readonly batchBytes: number;
}

/**
 * Validates `batch` against the format and `limits` (client defaults), and
 * returns its shape. Throws RheoError (InvalidArgument or Corrupt) otherwise.
 */
export function validateBatch(batch: Uint8Array, limits: BatchLimits = clientBatchLimits): BatchInfo {
  const header = readBatchHeader(batch, limits);
  if (crc32c(batch.subarray(batchHeaderBytes)) !== header.bodyCrc) {
    throw new RheoError('Corrupt', 'record batch: body CRC-32C mismatch');
  }
  const recordBytes = checkRecords(new RecordCursor(batch), limits);
  return {
    form: header.form,
    codec: 'none',
    recordCount: header.recordCount,
    recordBytes,
    batchBytes: batch.length,
  };
}

/** validateBatch for a producer's batch: a stored batch is refused. */
export function validateClientBatch(batch: Uint8Array, limits: BatchLimits = clientBatchLimits): BatchInfo {
  const info = validateBatch(batch, limits);
  if (info.form !== 'client') {
    throw new RheoError(
      'InvalidArgument',
      'record batch: a producer must send a client batch, not a stored one',
    );
  }
  return info;
}

function checkRecords(cursor: RecordCursor, limits: BatchLimits): number {
  const batch = cursor.buffer;
  let total = 0;
  while (cursor.next()) {
    const keyEnd = cursor.keyOffset + cursor.keyBytes;
    const problem = partitionKeyBytesProblem(batch, cursor.keyOffset, keyEnd);
    if (problem !== undefined) throw recordError(cursor.index, problem, 'PartitionKey');
    const size = cursor.keyBytes + cursor.dataBytes;
    if (size > limits.recordBytesMax) {
      throw recordError(
        cursor.index,
        `${size} bytes (partition key plus data) is over the ${limits.recordBytesMax}-byte record limit`,
        'Data',
      );
    }
    total += size;
  }
  if (total > limits.batchBytesMax) {
    throw new RheoError(
      'InvalidArgument',
      `record batch: ${total} bytes of partition keys and data is over the ${limits.batchBytesMax}-byte batch limit`,
    );
  }
  return total;
}

function recordError(index: number, message: string, field: string): RheoError {
  return new RheoError('InvalidArgument', `record batch: record ${index}: ${message}`, { field });
}
