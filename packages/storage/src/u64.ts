// Big-endian fixed-width integers up to 2^53 - 1 (JavaScript's safe range),
// stored in 8 bytes so that LevelDB's bytewise order is numeric order.

import { assert } from './assert.js';

const TWO_32 = 0x1_0000_0000;

export function writeU64(buf: Uint8Array, offset: number, n: number): void {
  assert(Number.isSafeInteger(n) && n >= 0, `writeU64: not a safe non-negative integer: ${n}`);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  view.setUint32(offset, Math.floor(n / TWO_32));
  view.setUint32(offset + 4, n >>> 0);
}

export function readU64(buf: Uint8Array, offset: number): number {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const n = view.getUint32(offset) * TWO_32 + view.getUint32(offset + 4);
  // Not an assertion: bytes come from disk, and a value past 2^53 means a
  // damaged value that happened to pass its checksum; callers treat it as corrupt.
  if (!Number.isSafeInteger(n)) throw new RangeError(`readU64: ${n} is past 2^53`);
  return n;
}

export function writeU32(buf: Uint8Array, offset: number, n: number): void {
  new DataView(buf.buffer, buf.byteOffset, buf.byteLength).setUint32(offset, n);
}

export function readU32(buf: Uint8Array, offset: number): number {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength).getUint32(offset);
}
