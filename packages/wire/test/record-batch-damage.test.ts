// Proves a damaged or hostile record batch is refused, cleanly: every single
// flipped bit (CRC-32C detects all of them; fast-check over random batches,
// client and stored, and exhaustively over one small batch), random bytes,
// random bodies under a correctly sealed header (so the record walk itself
// meets garbage), truncations and extensions all end in a RheoError whose
// code is InvalidArgument (not a batch, malformed, over a limit) or Corrupt
// (a checksum mismatch), never another exception. Then each format rule
// (version, form, codec, reserved bits, counts, varints, UTF-8) one by one.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { encodeBatch } from '../src/batch-encode.js';
import { stampBatch } from '../src/batch-stamp.js';
import { validateBatch } from '../src/batch-validate.js';
import { RheoError } from '../src/errors.js';
import { sequenceNumber } from '../src/sequence-number.js';
import { recordsArb } from './arbitraries.js';
import { expectRheoError } from './expect-error.js';
import { rawBatch, rawBody, resealHeader } from './raw-batch.js';

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

  test('the encoder refuses what plain JavaScript callers can pass by mistake', () => {
    const wrongKey = [{ partitionKey: 42, data: new Uint8Array(0) }] as never;
    expectRheoError(
      () => encodeBatch(wrongKey),
      'InvalidArgument',
      /record 0: partition key is not a string/,
    );
    const wrongData = [{ partitionKey: 'k', data: 'text' }] as never;
    expectRheoError(() => encodeBatch(wrongData), 'InvalidArgument', /record 0: data is not bytes/);
    const err = expectRheoError(
      () => encodeBatch([{ partitionKey: 'k', data: new Uint8Array(0), explicitHashKey: '-5' }]),
      'InvalidArgument',
      /record 0: Invalid ExplicitHashKey/,
    );
    expect(err.field).toBe('ExplicitHashKey');
  });

  test('the encoder refuses a lone surrogate, which UTF-8 cannot carry', () => {
    expect(() => encodeBatch([{ partitionKey: 'a\ud800', data: new Uint8Array(0) }])).toThrow(/surrogate/);
  });
});
