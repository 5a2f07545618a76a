// Kinesis Data Streams' default limits, as named constants (units last), and
// the bounds a record batch is checked against. Every other package takes
// its defaults from here, so one number means one thing across the tree.
import assert from 'node:assert/strict';

const kibibyte = 1024;
const mebibyte = 1024 * kibibyte;

/** Largest record: data blob plus the partition key's UTF-8 bytes. */
export const recordBytesMax = mebibyte;
/** Partition key length in Unicode code points (Kinesis counts characters, not bytes). */
export const partitionKeyCharsMax = 256;
/** A code point takes at most 4 UTF-8 bytes, so a key never needs more than this. */
export const partitionKeyBytesMax = partitionKeyCharsMax * 4;
/** Records in one PutRecords call (one client batch). */
export const putRecordsRecordsMax = 500;
/** Bytes (partition keys plus data) in one PutRecords call. */
export const putRecordsBytesMax = 5 * mebibyte;
/** Records one GetRecords call returns at most. */
export const getRecordsRecordsMax = 10_000;
/** Bytes one GetRecords call returns at most. */
export const getRecordsBytesMax = 10 * mebibyte;
/** How long a shard iterator stays valid after it was issued. */
export const iteratorTtlMs = 300_000;
/** Per-shard write throughput. */
export const shardWriteBytesPerSecond = mebibyte;
export const shardWriteRecordsPerSecond = 1000;
/** Per-shard read throughput shared by pull consumers. */
export const shardReadBytesPerSecond = 2 * mebibyte;
export const shardReadCallsPerSecond = 5;
/** Retention period bounds. */
export const retentionHoursMin = 24;
export const retentionHoursMax = 8760;
/** Registered enhanced fan-out consumers per stream. */
export const consumersPerStreamMax = 20;

/**
 * Bounds a record batch is validated against. Bytes count what Kinesis
 * counts: each record's partition-key UTF-8 bytes plus its data, not the
 * batch's framing.
 */
export interface BatchLimits {
  readonly recordBytesMax: number;
  readonly batchRecordsMax: number;
  readonly batchBytesMax: number;
}

/**
 * Lengths travel as varints of at most 4 bytes (28 bits); a limit above
 * this could accept a batch the codec cannot frame.
 */
export const batchLimitBytesCeiling = 2 ** 28 - 1;

/** A client batch: one PutRecords call. */
export const clientBatchLimits: BatchLimits = Object.freeze({
  recordBytesMax,
  batchRecordsMax: putRecordsRecordsMax,
  batchBytesMax: putRecordsBytesMax,
});

/** A stored batch read back for consumers: bounded by one GetRecords answer. */
export const storedBatchLimits: BatchLimits = Object.freeze({
  recordBytesMax,
  batchRecordsMax: getRecordsRecordsMax,
  batchBytesMax: getRecordsBytesMax,
});

const limitKeys: ReadonlySet<string> = new Set(['recordBytesMax', 'batchRecordsMax', 'batchBytesMax']);

/**
 * Builds a frozen BatchLimits from `base` and `overrides`. Unknown keys and
 * bounds the codec cannot honour are programmer errors, so they assert.
 */
export function batchLimits(overrides: Partial<BatchLimits>, base = clientBatchLimits): BatchLimits {
  for (const key of Object.keys(overrides)) assert.ok(limitKeys.has(key), `unknown batch limit "${key}"`);
  const limits = { ...base, ...overrides };
  assert.ok(Number.isSafeInteger(limits.recordBytesMax) && limits.recordBytesMax >= 0, 'recordBytesMax');
  assert.ok(limits.recordBytesMax <= batchLimitBytesCeiling, 'recordBytesMax above the varint ceiling');
  assert.ok(Number.isSafeInteger(limits.batchRecordsMax) && limits.batchRecordsMax >= 1, 'batchRecordsMax');
  assert.ok(limits.batchRecordsMax <= 0xffff_ffff, 'batchRecordsMax above a u32');
  assert.ok(Number.isSafeInteger(limits.batchBytesMax) && limits.batchBytesMax >= 0, 'batchBytesMax');
  assert.ok(limits.batchBytesMax <= 0xffff_ffff, 'batchBytesMax above a u32');
  return Object.freeze(limits);
}
