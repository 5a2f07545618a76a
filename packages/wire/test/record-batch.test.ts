// Proves the record batch v1 codec round-trips and refuses damage:
// - properties (fast-check): decode(encode(x)) = x for unicode partition keys,
//   empty data and explicit hash keys; the encoder's bytes equal an
//   independent reference writer's (raw-batch.ts); stamping a batch into its
//   stored form keeps every body byte and the records;
// - encodeBatchInto writes the same bytes into a reused buffer; batches
//   back to back split into the same batches;
// - a pinned byte layout, so a format change is a deliberate edit here.
// Damage and format rules are in record-batch-damage.test.ts.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeBatch, forEachRecord } from '../src/batch-decode.js';
import { encodeBatch, encodeBatchInto, encodedBatchBytesMax, type RecordInput } from '../src/batch-encode.js';
import { splitBatches } from '../src/batch-sequence.js';
import { readBatchStamp, recordSequenceNumber, stampBatch } from '../src/batch-stamp.js';
import { validateBatch, validateClientBatch } from '../src/batch-validate.js';
import { hashKeyMax } from '../src/hash-key.js';
import { RecordCursor } from '../src/record-cursor.js';
import { sequenceNumber } from '../src/sequence-number.js';
import { recordsArb } from './arbitraries.js';
import { expectRheoError } from './expect-error.js';
import { rawBatch, rawBody } from './raw-batch.js';

function normalized(records: readonly RecordInput[]) {
  return records.map((r) => ({
    partitionKey: r.partitionKey,
    data: Buffer.from(r.data),
    ...(r.explicitHashKey === undefined ? {} : { explicitHashKey: BigInt(r.explicitHashKey) }),
  }));
}

describe('record batch round trip', () => {
  test('decode(encode(x)) = x', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const batch = encodeBatch(records);
        const info = validateBatch(batch);
        expect(info.recordCount).toBe(records.length);
        expect(info.form).toBe('client');
        expect(decodeBatch(batch)).toEqual(normalized(records));
      }),
      { numRuns: 200 },
    );
  });

  test('the encoder writes exactly what the reference writer writes', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const body = rawBody(
          records.map((r) => ({
            key: Buffer.from(r.partitionKey, 'utf8'),
            data: r.data,
            hashKey:
              r.explicitHashKey === undefined
                ? undefined
                : Buffer.from(BigInt(r.explicitHashKey).toString(16).padStart(32, '0'), 'hex'),
          })),
        );
        expect(encodeBatch(records).equals(rawBatch(body, records.length))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  test('an explicit hash key given as a decimal string decodes to the same bigint', () => {
    const batch = encodeBatch([
      { partitionKey: 'k', data: Buffer.from('x'), explicitHashKey: hashKeyMax.toString() },
    ]);
    expect(decodeBatch(batch)[0]?.explicitHashKey).toBe(hashKeyMax);
  });

  test('decoded data is a view over the batch, not a copy', () => {
    const batch = encodeBatch([{ partitionKey: 'k', data: Buffer.from('hello') }]);
    const [record] = decodeBatch(batch);
    expect(record?.data.buffer).toBe(batch.buffer);
  });

  test('the cursor reports offsets and lengths and decodes nothing unless asked', () => {
    const batch = encodeBatch([
      { partitionKey: 'ab', data: Buffer.from('xyz') },
      { partitionKey: 'é', data: new Uint8Array(0), explicitHashKey: 7n },
    ]);
    const seen: [number, number, number, number][] = [];
    forEachRecord(batch, (c) => seen.push([c.index, c.keyBytes, c.dataBytes, c.hashKeyOffset >= 0 ? 1 : 0]));
    expect(seen).toEqual([
      [0, 2, 3, 0],
      [1, 2, 0, 1],
    ]);
    const cursor = new RecordCursor(batch);
    expect(cursor.next()).toBe(true);
    expect(batch.toString('utf8', cursor.keyOffset, cursor.keyOffset + cursor.keyBytes)).toBe('ab');
  });
});

describe('encoding into a reused buffer', () => {
  test('writes the same bytes as encodeBatch, as a view of the buffer', () => {
    const out = Buffer.alloc(encodedBatchBytesMax());
    fc.assert(
      fc.property(recordsArb, (records) => {
        const batch = encodeBatchInto(records, out);
        expect(batch.buffer).toBe(out.buffer);
        expect(batch.equals(encodeBatch(records))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  test('a buffer too small is a programmer error', () => {
    expect(() =>
      encodeBatchInto([{ partitionKey: 'k', data: new Uint8Array(10) }], Buffer.alloc(50)),
    ).toThrow(/smaller than/);
  });
});

describe('batches back to back', () => {
  test('split into the same batches, as views', () => {
    fc.assert(
      fc.property(fc.array(recordsArb, { maxLength: 5 }), (batches) => {
        const encoded = batches.map((records) => encodeBatch(records));
        const joined = Buffer.concat(encoded);
        const parts = splitBatches(joined);
        expect(parts.map((p) => Buffer.from(p))).toEqual(encoded);
        for (const part of parts) expect(validateBatch(part).form).toBe('client');
      }),
      { numRuns: 50 },
    );
  });

  test('a cut or foreign tail is InvalidArgument', () => {
    const batch = encodeBatch([{ partitionKey: 'k', data: Buffer.from('data') }]);
    expectRheoError(
      () => splitBatches(batch.subarray(0, batch.length - 1)),
      'InvalidArgument',
      /past the end/,
    );
    expectRheoError(
      () => splitBatches(Buffer.concat([batch, Buffer.alloc(60)])),
      'InvalidArgument',
      /no batch/,
    );
    expectRheoError(
      () => splitBatches(Buffer.concat([batch, Buffer.alloc(3)])),
      'InvalidArgument',
      /trailing/,
    );
  });
});

describe('stored form', () => {
  test('stamping keeps the body bytes and the records, and carries the stamp', () => {
    fc.assert(
      fc.property(
        recordsArb,
        fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
        fc.integer({ min: 1, max: 2 ** 48 - 1 }),
        fc.integer({ min: 0, max: 16_000 }),
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        (records, base, index, position, arrivalMs) => {
          const client = encodeBatch(records);
          const body = Buffer.from(client.subarray(48));
          const firstSequence = sequenceNumber(base, index, position);
          const stored = stampBatch(Buffer.from(client), { firstSequence, arrivalMs });
          expect(Buffer.from(stored.subarray(48)).equals(body)).toBe(true);
          expect(stored.length).toBe(client.length);
          const info = validateBatch(stored);
          expect(info.form).toBe('stored');
          expect(readBatchStamp(stored)).toEqual({ firstSequence, arrivalMs });
          expect(readBatchStamp(client)).toBeUndefined();
          expect(decodeBatch(stored)).toEqual(normalized(records));
        },
      ),
      { numRuns: 100, examples: [[[{ partitionKey: 'k', data: new Uint8Array(0) }], 0n, 1, 16_000, 0]] },
    );
  });

  test('record i of a stored batch has the first sequence number plus i', () => {
    const first = sequenceNumber(2n, 10, 3);
    const stored = stampBatch(encodeBatch([{ partitionKey: 'a', data: new Uint8Array(1) }]), {
      firstSequence: first,
      arrivalMs: 5,
    });
    const stamp = readBatchStamp(stored)!;
    expect(recordSequenceNumber(stamp, 2)).toBe(sequenceNumber(2n, 10, 5));
  });

  test('a producer may not send a stored batch, and stamping twice is a programmer error', () => {
    const stored = stampBatch(encodeBatch([{ partitionKey: 'a', data: new Uint8Array(1) }]), {
      firstSequence: sequenceNumber(0n, 1, 0),
      arrivalMs: 1,
    });
    expect(() => validateClientBatch(stored)).toThrow(/client batch/);
    expect(() => stampBatch(stored, { firstSequence: sequenceNumber(0n, 1, 0), arrivalMs: 1 })).toThrow(
      /client batch/,
    );
  });

  test('a batch that would run past an entry`s 16,384 positions cannot be stamped', () => {
    const batch = encodeBatch([
      { partitionKey: 'a', data: new Uint8Array(0) },
      { partitionKey: 'b', data: new Uint8Array(0) },
    ]);
    expect(() => stampBatch(batch, { firstSequence: sequenceNumber(0n, 1, 16_383), arrivalMs: 0 })).toThrow();
  });

  test('a client batch with stored fields filled in is refused', () => {
    const batch = rawBatch(rawBody([{ key: Buffer.from('k'), data: new Uint8Array(0) }]), 1, {
      arrivalMs: 1,
    });
    expect(() => validateBatch(batch)).toThrow(/stored fields/);
  });
});

describe('pinned layout', () => {
  test('one record "k" -> "hi" with explicit hash key 1 encodes to these bytes', () => {
    const batch = encodeBatch([{ partitionKey: 'k', data: Buffer.from('hi'), explicitHashKey: 1n }]);
    const body = `01 01 ${'00'.repeat(15)}01 6b 02 6869`.replaceAll(' ', '');
    expect(batch.subarray(48).toString('hex')).toBe(body);
    const header = batch.subarray(0, 48).toString('hex');
    expect(header.slice(0, 8)).toBe('52420101'); // "RB", version 1, client form
    expect(header.slice(16, 24)).toBe('00000000'); // flags: codec none; reserved
    expect(header.slice(24, 32)).toBe('00000001'); // one record
    expect(header.slice(32, 40)).toBe((body.length / 2).toString(16).padStart(8, '0')); // body length
    expect(header.slice(48)).toBe('0'.repeat(48)); // stored fields zero in a client batch
  });
});
