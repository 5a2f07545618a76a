// Builds a client record batch from records: sizes it exactly, then writes
// it in one pass into one buffer, and seals both CRCs. Inputs are checked
// against the same rules and limits the broker applies, so a producer learns
// of a bad record before it leaves the process.
import assert from 'node:assert/strict';
import {
  attrExplicitHashKey,
  batchHeaderBytes,
  batchMagic0,
  batchMagic1,
  batchVersion,
  formClient,
  offsetBodyBytes,
  offsetBodyCrc,
  offsetForm,
  offsetRecordCount,
  offsetVersion,
  writeU32,
} from './batch-format.js';
import { sealHeader } from './batch-header.js';
import { crc32c } from './crc32c.js';
import { RheoError } from './errors.js';
import { hashKeyBytesLength, hashKeyToBytes, isHashKey, parseHashKey } from './hash-key.js';
import { type BatchLimits, batchLimitBytesCeiling, clientBatchLimits } from './limits.js';
import { partitionKeyProblem } from './partition-key.js';
import { varintSize, writeVarint } from './varint.js';

export interface RecordInput {
  readonly partitionKey: string;
  readonly data: Uint8Array;
  /** Overrides MD5(partitionKey) for routing: a bigint or its decimal string, 0 .. 2^128-1. */
  readonly explicitHashKey?: bigint | string | undefined;
}

function recordError(index: number, message: string, field: string): RheoError {
  return new RheoError('InvalidArgument', `record ${index}: ${message}`, { field });
}

/** Checks one record and returns its explicit hash key as a bigint (or undefined). */
function checkRecord(record: RecordInput, index: number, keyBytes: number, limits: BatchLimits) {
  const problem = partitionKeyProblem(record.partitionKey);
  if (problem !== undefined) throw recordError(index, problem, 'PartitionKey');
  const size = keyBytes + record.data.length;
  if (size > limits.recordBytesMax) {
    throw recordError(
      index,
      `${size} bytes (partition key plus data) is over the ${limits.recordBytesMax}-byte record limit`,
      'Data',
    );
  }
  const ehk = record.explicitHashKey;
  if (ehk === undefined) return undefined;
  if (typeof ehk === 'string') return parseHashKey(ehk);
  if (!isHashKey(ehk)) return parseHashKey(ehk.toString());
  return ehk;
}

/**
 * Encodes `records` as one client batch. Throws InvalidArgument when a record
 * or the batch breaks a rule or `limits` (client defaults).
 */
export function encodeBatch(
  records: readonly RecordInput[],
  limits: BatchLimits = clientBatchLimits,
): Buffer {
  assert.ok(limits.recordBytesMax <= batchLimitBytesCeiling, 'recordBytesMax above the varint ceiling');
  const count = records.length;
  if (count < 1 || count > limits.batchRecordsMax) {
    throw new RheoError('InvalidArgument', `${count} records, not 1..${limits.batchRecordsMax}`, {
      field: 'Records',
    });
  }
  const keyBytes = new Array<number>(count);
  const hashKeys = new Array<bigint | undefined>(count);
  let bodyBytes = 0;
  let recordBytes = 0;
  for (let i = 0; i < count; i++) {
    const record = records[i]!;
    const kb = Buffer.byteLength(record.partitionKey, 'utf8');
    hashKeys[i] = checkRecord(record, i, kb, limits);
    keyBytes[i] = kb;
    recordBytes += kb + record.data.length;
    bodyBytes += 1 + varintSize(kb) + kb + varintSize(record.data.length) + record.data.length;
    if (hashKeys[i] !== undefined) bodyBytes += hashKeyBytesLength;
  }
  if (recordBytes > limits.batchBytesMax) {
    throw new RheoError(
      'InvalidArgument',
      `${recordBytes} bytes of partition keys and data is over the ${limits.batchBytesMax}-byte batch limit`,
      { field: 'Records' },
    );
  }
  const batch = Buffer.allocUnsafe(batchHeaderBytes + bodyBytes);
  writeRecords(batch, records, keyBytes, hashKeys);
  writeHeader(batch, count, bodyBytes);
  return batch;
}

function writeRecords(
  batch: Buffer,
  records: readonly RecordInput[],
  keyBytes: readonly number[],
  hashKeys: readonly (bigint | undefined)[],
): void {
  let pos = batchHeaderBytes;
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const hashKey = hashKeys[i];
    batch[pos++] = hashKey === undefined ? 0 : attrExplicitHashKey;
    pos = writeVarint(batch, pos, keyBytes[i]!);
    if (hashKey !== undefined) {
      hashKeyToBytes(hashKey, batch, pos);
      pos += hashKeyBytesLength;
    }
    pos += batch.write(record.partitionKey, pos, 'utf8');
    pos = writeVarint(batch, pos, record.data.length);
    batch.set(record.data, pos);
    pos += record.data.length;
  }
}

function writeHeader(batch: Buffer, count: number, bodyBytes: number): void {
  batch.fill(0, 0, batchHeaderBytes);
  batch[0] = batchMagic0;
  batch[1] = batchMagic1;
  batch[offsetVersion] = batchVersion;
  batch[offsetForm] = formClient;
  writeU32(batch, offsetRecordCount, count);
  writeU32(batch, offsetBodyBytes, bodyBytes);
  writeU32(batch, offsetBodyCrc, crc32c(batch.subarray(batchHeaderBytes)));
  sealHeader(batch);
}
