// Unsigned LEB128 varints for the lengths inside a record batch. Lengths are
// bounded (records are at most a few MiB), so a varint is at most 4 bytes
// (28 bits) and must be minimal: one value, one encoding, which keeps
// decode(encode(x)) byte-identical and closes a door on malleable batches.

/** Largest value a varint may carry (4 bytes of 7 bits). */
export const varintMax = 2 ** 28 - 1;
/** readVarint's answer when the bytes end inside the varint. */
export const varintTruncated = -1;
/** readVarint's answer for a varint longer than 4 bytes or not minimal. */
export const varintMalformed = -2;

/** A read position that readVarint advances. */
export interface ReadPosition {
  pos: number;
}

/** Bytes the varint of `value` takes. */
export function varintSize(value: number): number {
  if (value < 0x80) return 1;
  if (value < 0x4000) return 2;
  if (value < 0x20_0000) return 3;
  return 4;
}

/** Writes `value` (0..varintMax) at `pos`; returns the position after it. */
export function writeVarint(buf: Uint8Array, pos: number, value: number): number {
  while (value >= 0x80) {
    buf[pos++] = (value & 0x7f) | 0x80;
    value >>>= 7;
  }
  buf[pos++] = value;
  return pos;
}

/**
 * Reads a varint at `at.pos`, not past `end`, and advances `at.pos`.
 * Returns the value, or varintTruncated / varintMalformed (both negative),
 * so the hot path allocates nothing and throws nothing.
 */
export function readVarint(buf: Uint8Array, at: ReadPosition, end: number): number {
  let pos = at.pos;
  let value = 0;
  for (let shift = 0; shift < 28; shift += 7) {
    if (pos >= end) return varintTruncated;
    const byte = buf[pos++]!;
    value |= (byte & 0x7f) << shift;
    if (byte < 0x80) {
      // A last byte of zero after the first means a shorter encoding existed.
      if (byte === 0 && shift > 0) return varintMalformed;
      at.pos = pos;
      return value;
    }
  }
  return varintMalformed;
}
