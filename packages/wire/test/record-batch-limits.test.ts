// Proves every record-batch limit holds exactly at its bound and fails one
// past it, in both the encoder (what a producer is told) and validateBatch
// (what the broker enforces on bytes it did not build; those over-limit
// batches are built with the unchecked reference writer in raw-batch.ts).
// Limits are Kinesis's: partition key 1..256 characters, 1 MiB per record
// including its key, 500 records and 5 MiB per client batch, 10,000 records
// and 10 MiB per stored batch. Big buffers are few, to keep the suite fast.
import { describe, expect, test } from 'vitest';
import { encodeBatch } from '../src/batch-encode.js';
import { validateBatch } from '../src/batch-validate.js';
import {
  batchLimits,
  clientBatchLimits,
  partitionKeyCharsMax,
  putRecordsBytesMax,
  putRecordsRecordsMax,
  recordBytesMax,
  storedBatchLimits,
} from '../src/limits.js';
import { expectRheoError } from './expect-error.js';
import { rawBatch, rawBody, rawRecords } from './raw-batch.js';

const mebibyte = 1024 * 1024;

function both(records: { key: string; data: Uint8Array }[]) {
  return {
    encode: () => encodeBatch(records.map((r) => ({ partitionKey: r.key, data: r.data }))),
    validate: () => validateBatch(rawRecords(records)),
  };
}

function expectAccepted(records: { key: string; data: Uint8Array }[]) {
  const { encode, validate } = both(records);
  expect(validateBatch(encode()).recordCount).toBe(records.length);
  expect(validate().recordCount).toBe(records.length);
}

function expectRefused(records: { key: string; data: Uint8Array }[], message: RegExp) {
  const { encode, validate } = both(records);
  expectRheoError(encode, 'InvalidArgument', message);
  expectRheoError(validate, 'InvalidArgument', message);
}

describe('partition key length', () => {
  test('the named bound is Kinesis`s 256', () => expect(partitionKeyCharsMax).toBe(256));

  test.each([
    ['ASCII', 'k'],
    ['two-byte characters', 'é'],
    ['astral characters (4 UTF-8 bytes, 2 UTF-16 units)', '😀'],
  ])('%s: 256 characters pass, 257 fail', (_name, char) => {
    expectAccepted([{ key: char.repeat(256), data: new Uint8Array(0) }]);
    expectRefused(
      [{ key: char.repeat(257), data: new Uint8Array(0) }],
      /characters?, more than 256|so more than 256 characters/,
    );
  });

  test('an empty key fails', () => {
    expectRheoError(
      () => encodeBatch([{ partitionKey: '', data: new Uint8Array(0) }]),
      'InvalidArgument',
      /empty/,
    );
  });
});

describe('record size (partition key plus data)', () => {
  test('1 MiB including the key passes; one byte more fails', () => {
    const key = 'key';
    expect(recordBytesMax).toBe(mebibyte);
    expectAccepted([{ key, data: new Uint8Array(mebibyte - key.length) }]);
    expectRefused(
      [{ key, data: new Uint8Array(mebibyte - key.length + 1) }],
      /1048577 bytes .* 1048576-byte record/,
    );
  });

  test('multi-byte keys count in UTF-8 bytes', () => {
    const key = 'é'; // two bytes
    expectAccepted([{ key, data: new Uint8Array(mebibyte - 2) }]);
    expectRefused([{ key, data: new Uint8Array(mebibyte - 1) }], /record limit/);
  });
});

describe('records per batch', () => {
  const records = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ key: `k${i}`, data: new Uint8Array(1) }));

  test('500 pass, 501 fail (client batch)', () => {
    expect(putRecordsRecordsMax).toBe(500);
    expectAccepted(records(500));
    expectRefused(records(501), /501 records, not 1..500/);
  });

  test('10,000 pass, 10,001 fail (stored batch limits)', () => {
    const at = rawRecords(records(10_000));
    expect(validateBatch(at, storedBatchLimits).recordCount).toBe(10_000);
    expectRheoError(
      () => validateBatch(rawRecords(records(10_001)), storedBatchLimits),
      'InvalidArgument',
      /10001/,
    );
    expectRheoError(
      () => validateBatch(at, clientBatchLimits),
      'InvalidArgument',
      /10000 records, not 1..500/,
    );
  });
});

describe('bytes per batch', () => {
  // Five records of exactly 1 MiB each (key included) make exactly 5 MiB.
  const fiveMiB = Array.from({ length: 5 }, (_, i) => ({ key: `${i}`, data: new Uint8Array(mebibyte - 1) }));

  test('5 MiB passes; 5 MiB + 1 fails', () => {
    expect(putRecordsBytesMax).toBe(5 * mebibyte);
    expectAccepted(fiveMiB);
    expectRefused([...fiveMiB, { key: 'x', data: new Uint8Array(0) }], /5242881 bytes .* 5242880-byte batch/);
  });

  test('a header announcing a body far over the limit is refused before the body is read', () => {
    const body = rawBody([{ key: Buffer.from('k'), data: new Uint8Array(64) }]);
    const small = batchLimits({ batchBytesMax: 8 });
    expectRheoError(
      () => validateBatch(rawBatch(body, 1), small),
      'InvalidArgument',
      /over the 8-byte limit/,
    );
  });
});

describe('limits are an options object with named bounds', () => {
  test('overrides apply and the result is frozen', () => {
    const limits = batchLimits({ batchRecordsMax: 2 });
    expect(limits).toEqual({ ...clientBatchLimits, batchRecordsMax: 2 });
    expect(Object.isFrozen(limits)).toBe(true);
    const three = Array.from({ length: 3 }, () => ({ partitionKey: 'k', data: new Uint8Array(0) }));
    expectRheoError(() => encodeBatch(three, limits), 'InvalidArgument', /3 records, not 1..2/);
  });

  test('an unknown key is a programmer error', () => {
    expect(() => batchLimits({ recordsMax: 1 } as never)).toThrow(/unknown batch limit "recordsMax"/);
  });

  test('a bound the varint framing cannot carry is a programmer error', () => {
    expect(() => batchLimits({ recordBytesMax: 2 ** 28 })).toThrow(/varint ceiling/);
  });
});
