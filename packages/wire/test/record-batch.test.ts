// Proves the record batch v1 codec round-trips and refuses damage:
// - properties (fast-check): decode(encode(x)) = x for unicode partition keys,
//   empty data and explicit hash keys; the encoder's bytes equal an
//   independent reference writer's (raw-batch.ts); stamping a batch into its
//   stored form keeps every body byte and the records;
// - a pinned byte layout, so a format change is a deliberate edit here;
// - every single flipped bit, random bytes, sealed random bodies and
//   truncations end in a RheoError whose code is InvalidArgument (malformed
//   or over a limit) or Corrupt (a checksum mismatch), never anything else.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  decodeBatch,
  encodeBatch,
  forEachRecord,
  hashKeyMax,
  RecordCursor,
  type RecordInput,
  RheoError,
  readBatchStamp,
  recordSequenceNumber,
  sequenceNumber,
  stampBatch,
  validateBatch,
  validateClientBatch,
} from '../src/index.js';
import { unicodeStringArb } from './arbitraries.js';
import { expectRheoError } from './expect-error.js';
import { rawBatch, rawBody, resealHeader } from './raw-batch.js';

const recordArb: fc.Arbitrary<RecordInput> = fc.record(
  {
    partitionKey: unicodeStringArb(1, 40),
    data: fc.oneof(fc.constant(new Uint8Array(0)), fc.uint8Array({ maxLength: 300 })),
    explicitHashKey: fc.bigInt({ min: 0n, max: hashKeyMax }),
  },
  { requiredKeys: ['partitionKey', 'data'] },
);
const recordsArb = fc.array(recordArb, { minLength: 1, maxLength: 20 });

function expectCodecError(fn: () => unknown): void {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(RheoError);
    expect(['InvalidArgument', 'Corrupt']).toContain((err as RheoError).code);
    return;
  }
  expect.fail('expected a RheoError');
}

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

describe('damage is detected', () => {
  const stampedArb = fc.tuple(recordsArb, fc.boolean()).map(([records, stored]) => {
    const batch = encodeBatch(records);
    return stored
      ? Buffer.from(stampBatch(batch, { firstSequence: sequenceNumber(1n, 2, 3), arrivalMs: 9 }))
      : batch;
  });

  test('any single flipped bit', () => {
    fc.assert(
      fc.property(stampedArb, fc.nat(), (batch, at) => {
        const bit = at % (batch.length * 8);
        const damaged = Buffer.from(batch);
        damaged[bit >> 3]! ^= 1 << (bit & 7);
        expectCodecError(() => validateBatch(damaged));
      }),
      { numRuns: 500 },
    );
  });

  test('every bit of a small batch, exhaustively', () => {
    const batch = encodeBatch([
      { partitionKey: 'ké', data: Buffer.from('data'), explicitHashKey: 12345n },
      { partitionKey: 'x', data: new Uint8Array(0) },
    ]);
    for (let bit = 0; bit < batch.length * 8; bit++) {
      const damaged = Buffer.from(batch);
      damaged[bit >> 3]! ^= 1 << (bit & 7);
      expectCodecError(() => validateBatch(damaged));
    }
  });

  test('truncations and extensions', () => {
    fc.assert(
      fc.property(
        stampedArb,
        fc.nat(),
        fc.uint8Array({ minLength: 1, maxLength: 8 }),
        (batch, cut, extra) => {
          expectCodecError(() => validateBatch(batch.subarray(0, cut % batch.length)));
          expectCodecError(() => validateBatch(Buffer.concat([batch, extra])));
        },
      ),
      { numRuns: 200 },
    );
  });

  test('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => expectCodecError(() => validateBatch(bytes))),
      { numRuns: 300 },
    );
  });

  test('random bytes that start like a batch', () => {
    const prefix = fc
      .uint8Array({ maxLength: 120 })
      .map((b) => Buffer.concat([Buffer.from([0x52, 0x42, 1]), b]));
    fc.assert(
      fc.property(prefix, (bytes) => expectCodecError(() => validateBatch(bytes))),
      { numRuns: 300 },
    );
  });

  test('random bodies under a correctly sealed header reach the record walk and still fail cleanly', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 1, max: 8 }), (body, count) => {
        const batch = rawBatch(body, count);
        try {
          validateBatch(batch);
        } catch (err) {
          expect(err).toBeInstanceOf(RheoError);
          expect((err as RheoError).code).toBe('InvalidArgument');
        }
      }),
      { numRuns: 500 },
    );
  });

  test('bad checksums are Corrupt; bad structure is InvalidArgument', () => {
    const batch = encodeBatch([{ partitionKey: 'k', data: Buffer.from('data') }]);
    const body = Buffer.from(batch);
    body[body.length - 1]! ^= 0x10;
    expectRheoError(() => validateBatch(body), 'Corrupt', /body CRC/);
    const header = Buffer.from(batch);
    header[13]! ^= 0x01;
    expectRheoError(() => validateBatch(header), 'Corrupt', /header CRC/);
    const magic = Buffer.from(batch);
    magic[0] = 0;
    expectRheoError(() => validateBatch(magic), 'InvalidArgument', /bad magic/);
  });
});

describe('format rules', () => {
  const one = [{ key: Buffer.from('k'), data: Buffer.from('d') }];

  test.each([
    ['version 2', (b: Buffer) => b.writeUInt8(2, 2), /unsupported version 2/],
    ['unknown form', (b: Buffer) => b.writeUInt8(3, 3), /unknown form 3/],
    [
      'compression codec 1 (gzip is reserved, not implemented)',
      (b: Buffer) => b.writeUInt16BE(1, 8),
      /codec 1/,
    ],
    ['reserved flag bit', (b: Buffer) => b.writeUInt16BE(0x100, 8), /reserved flag/],
    ['reserved header field', (b: Buffer) => b.writeUInt16BE(1, 10), /reserved header/],
    ['zero records', (b: Buffer) => b.writeUInt32BE(0, 12), /0 records/],
    ['more records announced than present', (b: Buffer) => b.writeUInt32BE(2, 12), /record 1/],
  ])('%s is refused (InvalidArgument)', (_name, mutate, message) => {
    const batch = rawBatch(rawBody(one), 1);
    mutate(batch);
    resealHeader(batch);
    expectRheoError(() => validateBatch(batch), 'InvalidArgument', message);
  });

  test.each([
    [
      'reserved attribute bits',
      [{ key: Buffer.from('k'), data: Buffer.alloc(0), attributes: 2 }],
      /attribute/,
    ],
    ['an empty partition key', [{ key: Buffer.alloc(0), data: Buffer.alloc(0) }], /key length 0/],
    [
      'a partition key that is not UTF-8',
      [{ key: Buffer.from([0xc3, 0x28]), data: Buffer.alloc(0) }],
      /UTF-8/,
    ],
  ])('a record with %s is refused', (_name, records, message) => {
    expectRheoError(() => validateBatch(rawBatch(rawBody(records), 1)), 'InvalidArgument', message);
  });

  test('a non-minimal varint is refused', () => {
    // Key length 1 written as two bytes (0x81 0x00).
    const body = Buffer.from([0, 0x81, 0x00, 0x6b, 0]);
    expect(() => validateBatch(rawBatch(body, 1))).toThrow(/key length varint/);
  });

  test('the encoder refuses a lone surrogate, which UTF-8 cannot carry', () => {
    expect(() => encodeBatch([{ partitionKey: 'a\ud800', data: new Uint8Array(0) }])).toThrow(/surrogate/);
  });
});
