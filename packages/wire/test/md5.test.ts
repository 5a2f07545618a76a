// Proves the allocation-free MD5 (src/md5.ts) equals node:crypto's MD5, the
// reference: on RFC 1321's test suite, on every length from 0 to 300 bytes
// (each padding boundary: 55/56, 63/64, 119/120 ...), and on random bytes at
// random offsets inside a larger buffer (fast-check), up to 1,100 bytes
// (a partition key is at most 1,024).
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { md5Into } from '../src/md5.js';

function fast(data: Uint8Array, from = 0, to = data.length): string {
  const out = Buffer.alloc(20, 0xee);
  md5Into(data, from, to, out, 2);
  // The bytes around the digest stay untouched.
  expect(out[0]).toBe(0xee);
  expect(out[19]).toBe(0xee);
  return out.subarray(2, 18).toString('hex');
}

function reference(data: Uint8Array): string {
  return createHash('md5').update(data).digest('hex');
}

describe('md5Into', () => {
  test.each([
    ['', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['a', '0cc175b9c0f1b6a831c399e269772661'],
    ['abc', '900150983cd24fb0d6963f7d28e17f72'],
    ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
    ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 'd174ab98d277d9f5a5611c2c9f419d9f'],
    ['1234567890'.repeat(8), '57edf4a22be3c955ac49da2e2107b67a'],
  ])('RFC 1321 A.5: MD5(%j)', (text, hex) => {
    expect(fast(Buffer.from(text, 'latin1'))).toBe(hex);
  });

  test('every length from 0 to 300 bytes', () => {
    const bytes = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 131 + 17) & 0xff));
    for (let n = 0; n <= 300; n++)
      expect(fast(bytes, 0, n), `length ${n}`).toBe(reference(bytes.subarray(0, n)));
  });

  test('random bytes at random offsets', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1100 }), fc.nat(), fc.nat(), (bytes, a, b) => {
        const from = bytes.length === 0 ? 0 : a % (bytes.length + 1);
        const to = from + (bytes.length - from === 0 ? 0 : b % (bytes.length - from + 1));
        expect(fast(bytes, from, to)).toBe(reference(bytes.subarray(from, to)));
      }),
      { numRuns: 300 },
    );
  });
});
