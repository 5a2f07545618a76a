// Shared fast-check arbitraries. Unicode strings are built from code points
// directly: fast-check's built-in full-Unicode unit spends seconds building
// a reverse mapping on first use, which would dominate the suite's time.
import fc from 'fast-check';
import type { RecordInput } from '../src/batch-encode.js';
import { hashKeyMax } from '../src/hash-key.js';

/** One Unicode scalar value (never a surrogate), weighted towards ASCII like real keys. */
export const codePointArb: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x1f }) },
    { weight: 2, arbitrary: fc.integer({ min: 0x80, max: 0xd7ff }) },
    { weight: 1, arbitrary: fc.integer({ min: 0xe000, max: 0xffff }) },
    { weight: 2, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }) },
  )
  .map((cp) => String.fromCodePoint(cp));

/** A string of `minLength`..`maxLength` code points. */
export function unicodeStringArb(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.array(codePointArb, { minLength, maxLength }).map((chars) => chars.join(''));
}

/** A record as a producer gives it: unicode key, often empty data, sometimes an explicit hash key. */
export const recordArb: fc.Arbitrary<RecordInput> = fc.record(
  {
    partitionKey: unicodeStringArb(1, 40),
    data: fc.oneof(fc.constant(new Uint8Array(0)), fc.uint8Array({ maxLength: 300 })),
    explicitHashKey: fc.bigInt({ min: 0n, max: hashKeyMax }),
  },
  { requiredKeys: ['partitionKey', 'data'] },
);
export const recordsArb = fc.array(recordArb, { minLength: 1, maxLength: 20 });
