// Proves crc32c() matches the published CRC-32C check values (RFC 3720
// appendix B.4 and the "123456789" check value) and that continuing a CRC
// over split buffers equals the CRC of the joined buffer.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { crc32c } from '../src/crc32c.js';

describe('crc32c', () => {
  test.each([
    ['check value "123456789"', Buffer.from('123456789'), 0xe3069283],
    ['32 bytes of zeros (RFC 3720 B.4)', Buffer.alloc(32, 0), 0x8a9136aa],
    ['32 bytes of 0xff (RFC 3720 B.4)', Buffer.alloc(32, 0xff), 0x62a8ab43],
    ['32 increasing bytes (RFC 3720 B.4)', Buffer.from(Array.from({ length: 32 }, (_, i) => i)), 0x46dd794e],
    [
      '32 decreasing bytes (RFC 3720 B.4)',
      Buffer.from(Array.from({ length: 32 }, (_, i) => 31 - i)),
      0x113fdb5c,
    ],
    ['empty', Buffer.alloc(0), 0],
  ])('%s', (_name, data, expected) => {
    expect(crc32c(data)).toBe(expected);
  });

  test('continuing over a split equals the whole', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), fc.nat(), (bytes, cut) => {
        const at = bytes.length === 0 ? 0 : cut % (bytes.length + 1);
        expect(crc32c(bytes.subarray(at), crc32c(bytes.subarray(0, at)))).toBe(crc32c(bytes));
      }),
    );
  });

  test('accepts a Uint8Array view that is not a Buffer', () => {
    const backing = new Uint8Array(20);
    backing.set(Buffer.from('123456789'), 5);
    expect(crc32c(backing.subarray(5, 14))).toBe(0xe3069283);
  });
});
