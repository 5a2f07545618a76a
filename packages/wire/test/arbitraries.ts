// Shared fast-check arbitraries. Unicode strings are built from code points
// directly: fast-check's built-in full-Unicode unit spends seconds building
// a reverse mapping on first use, which would dominate the suite's time.
import fc from 'fast-check';

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
