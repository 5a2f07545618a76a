// Proves the length varints round-trip over their whole range (fast-check),
// that varintSize predicts the bytes written, and that truncated, overlong
// and non-minimal encodings are reported, never misread.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  readVarint,
  varintMalformed,
  varintMax,
  varintSize,
  varintTruncated,
  writeVarint,
} from '../src/varint.js';

describe('varints', () => {
  test('round trip and size', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: varintMax })),
        (value) => {
          const buf = new Uint8Array(8);
          const end = writeVarint(buf, 1, value);
          expect(end - 1).toBe(varintSize(value));
          const at = { pos: 1 };
          expect(readVarint(buf, at, end)).toBe(value);
          expect(at.pos).toBe(end);
        },
      ),
      { numRuns: 300 },
    );
  });

  test.each([
    [[0x80], varintTruncated],
    [[0xff, 0xff], varintTruncated],
    [[0x80, 0x00], varintMalformed],
    [[0xff, 0xff, 0xff, 0xff, 0x01], varintMalformed],
    [[0x81, 0x80, 0x00], varintMalformed],
  ])('%j -> %i', (bytes, expected) => {
    const at = { pos: 0 };
    expect(readVarint(Uint8Array.from(bytes), at, bytes.length)).toBe(expected);
    expect(at.pos).toBe(0);
  });

  test('the boundaries of each width', () => {
    for (const [value, size] of [
      [0x7f, 1],
      [0x80, 2],
      [0x3fff, 2],
      [0x4000, 3],
      [0x1f_ffff, 3],
      [0x20_0000, 4],
      [varintMax, 4],
    ] as const) {
      expect(varintSize(value)).toBe(size);
    }
  });
});
