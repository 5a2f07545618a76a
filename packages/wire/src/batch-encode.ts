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
  recordFramingBytesMax,
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

/** Checks one record's key, data and size; returns the key's UTF-8 length. */
function checkRecord(record: RecordInput, index: number, limits: BatchLimits): number {
  // Callers in plain JavaScript (the gateway, scripts) can pass anything.
  if (typeof record.partitionKey !== 'string')
    throw recordError(index, 'partition key is not a string', 'PartitionKey');
  if (!(record.data instanceof Uint8Array))
    throw recordError(index, 'data is not bytes (Uint8Array)', 'Data');
  const problem = partitionKeyProblem(record.partitionKey);
  if (problem !== undefined) throw recordError(index, problem, 'PartitionKey');
  const keyBytes = Buffer.byteLength(record.partitionKey, 'utf8');
  const size = keyBytes + record.data.length;
  if (size > limits.recordBytesMax) {
    throw recordError(
      index,
      `${size} bytes (partition key plus data) is over the ${limits.recordBytesMax}-byte record limit`,
      'Data',
    );
  }
  return keyBytes;
}

/** The record's explicit hash key as a bigint, or undefined; InvalidArgument when out of range. */
function explicitHashKeyOf(record: RecordInput, index: number): bigint | undefined {
  const key = record.explicitHashKey;
  if (key === undefined || (typeof key === 'bigint' && isHashKey(key))) return key;
  try {
    return parseHashKey(String(key));
  } catch (err) {
    throw recordError(index, (err as Error).message, 'ExplicitHashKey');
  }
}

/** What the checking pass learns, so the writing pass need not compute it again. */
interface BatchPlan {
  readonly keyBytes: number[];
  readonly hashKeys: (bigint | undefined)[];
  readonly bodyBytes: number;
}

/** The checking and sizing pass: every rule and limit, before a byte is written. */
function planBatch(records: readonly RecordInput[], limits: BatchLimits): BatchPlan {
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
    const kb = checkRecord(record, i, limits);
    hashKeys[i] = explicitHashKeyOf(record, i);
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
  return { keyBytes, hashKeys, bodyBytes };
}

/**
 * Encodes `records` as one client batch in a new buffer of exactly its size.
 * Throws InvalidArgument when a record or the batch breaks a rule or
 * `limits` (client defaults).
 */
export function encodeBatch(
  records: readonly RecordInput[],
  limits: BatchLimits = clientBatchLimits,
): Buffer {
  return encodeBatchWith(records, allocUnsafe, limits);
}

const allocUnsafe = (bytes: number): Buffer => Buffer.allocUnsafe(bytes);

/**
 * encodeBatch into a buffer of exactly the batch's size that `alloc` gives
 * (a producer carves it from a reused slab, see slab-pool.ts).
 */
export function encodeBatchWith(
  records: readonly RecordInput[],
  alloc: (bytes: number) => Buffer,
  limits: BatchLimits = clientBatchLimits,
): Buffer {
  const plan = planBatch(records, limits);
  const size = batchHeaderBytes + plan.bodyBytes;
  const batch = alloc(size);
  assert.ok(batch.length === size, `alloc gave ${batch.length} bytes for a ${size}-byte batch`);
  writeRecords(batch, records, plan);
  writeHeader(batch, records.length, plan.bodyBytes);
  return batch;
}

/** The largest batch `limits` allow: a buffer this size fits any batch for encodeBatchInto. */
export function encodedBatchBytesMax(limits: BatchLimits = clientBatchLimits): number {
  return batchHeaderBytes + limits.batchBytesMax + limits.batchRecordsMax * recordFramingBytesMax;
}

/**
 * encodeBatch into a buffer the caller reuses, and returns the batch as a view
 * of its first bytes. A fresh large buffer costs the kernel a page fault per
 * 4 KiB on first touch, more than the encoding itself, so a producer that
 * reuses one (after the bytes are sent or copied) encodes several times
 * faster. Asserts `out` is large enough (see encodedBatchBytesMax).
 */
export function encodeBatchInto(
  records: readonly RecordInput[],
  out: Buffer,
  limits: BatchLimits = clientBatchLimits,
): Buffer {
  const plan = planBatch(records, limits);
  const size = batchHeaderBytes + plan.bodyBytes;
  assert.ok(
    out.length >= size,
    `output buffer of ${out.length} bytes is smaller than the ${size}-byte batch`,
  );
  const batch = out.subarray(0, size);
  writeRecords(batch, records, plan);
  writeHeader(batch, records.length, plan.bodyBytes);
  return batch;
}

function writeRecords(batch: Buffer, records: readonly RecordInput[], plan: BatchPlan): void {
  const { keyBytes, hashKeys } = plan;
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
