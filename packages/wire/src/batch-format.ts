// The record batch v1 layout, in one place. Every number is big-endian.
//
//   offset size  field
//   0      2     magic "RB" (0x52 0x42)
//   2      1     version = 1
//   3      1     form: 1 = client (as a producer sent it), 2 = stored (stamped by the leader)
//   4      4     header CRC-32C over bytes [0, 4) and [8, 48): every header byte but itself
//   8      2     flags: bits 0-2 compression codec (0 = none); bits 3-15 reserved, zero
//   10     2     reserved, zero
//   12     4     record count (at least 1)
//   16     4     body length in bytes (exactly the bytes after the header)
//   20     4     body CRC-32C over the body
//   24     16    stored: first record's sequence number minus sequenceNumberOffset, as u128;
//                client: zero
//   40     8     stored: arrival time, ms since the Unix epoch; client: zero
//   48     ...   body: the records, back to back
//
// Each record in the body:
//
//   1       attributes: bit 0 = an explicit hash key follows; bits 1-7 reserved, zero
//   varint  partition key length in UTF-8 bytes (1..1024; 1..256 code points)
//   16      explicit hash key, u128 (only when attribute bit 0 is set)
//   n       partition key, UTF-8
//   varint  data length in bytes
//   n       data
//
// Why a fixed header with room for the stamp: the leader turns a client batch
// into a stored one by patching 24 bytes and the header CRC in place, so the
// body a producer built is the body every replica stores and every consumer
// receives, never re-encoded (docs/architecture.md, "the path of one record").
// Two CRCs keep that patch cheap: the body CRC is computed once, by the
// producer, and the header CRC covers the 48 header bytes only.

export const batchMagic0 = 0x52;
export const batchMagic1 = 0x42;
export const batchVersion = 1;
export const batchHeaderBytes = 48;

export const formClient = 1;
export const formStored = 2;
export type BatchForm = 'client' | 'stored';

export const offsetVersion = 2;
export const offsetForm = 3;
export const offsetHeaderCrc = 4;
export const offsetFlags = 8;
export const offsetReserved = 10;
export const offsetRecordCount = 12;
export const offsetBodyBytes = 16;
export const offsetBodyCrc = 20;
export const offsetFirstSequence = 24;
export const offsetArrivalMs = 40;

/** Flag bits that select the compression codec. */
export const flagsCodecMask = 0x0007;
/** Compression codecs; only "none" is implemented, the rest are reserved. */
export const codecNone = 0;
export type CompressionCodec = 'none';

/** Record attribute: an explicit hash key follows the key length. */
export const attrExplicitHashKey = 0x01;
export const hashKeyBytes = 16;

/** Largest framing a record adds to its key and data: attributes, two varints, a hash key. */
export const recordFramingBytesMax = 1 + 4 + hashKeyBytes + 4;

export function readU16(buf: Uint8Array, at: number): number {
  return (buf[at]! << 8) | buf[at + 1]!;
}

export function readU32(buf: Uint8Array, at: number): number {
  return ((buf[at]! << 24) | (buf[at + 1]! << 16) | (buf[at + 2]! << 8) | buf[at + 3]!) >>> 0;
}

export function writeU32(buf: Uint8Array, at: number, value: number): void {
  buf[at] = value >>> 24;
  buf[at + 1] = value >>> 16;
  buf[at + 2] = value >>> 8;
  buf[at + 3] = value;
}

/** Reads a u64 that must fit a JavaScript number (< 2^53); returns -1 when it does not. */
export function readU53(buf: Uint8Array, at: number): number {
  const high = readU32(buf, at);
  if (high >= 0x20_0000) return -1;
  return high * 0x1_0000_0000 + readU32(buf, at + 4);
}

export function writeU53(buf: Uint8Array, at: number, value: number): void {
  writeU32(buf, at, Math.floor(value / 0x1_0000_0000));
  writeU32(buf, at + 4, value >>> 0);
}

export function readU128(buf: Uint8Array, at: number): bigint {
  let value = 0n;
  for (let i = 0; i < 16; i += 4) value = (value << 32n) | BigInt(readU32(buf, at + i));
  return value;
}

export function writeU128(buf: Uint8Array, at: number, value: bigint): void {
  for (let i = 12; i >= 0; i -= 4) {
    writeU32(buf, at + i, Number(value & 0xffff_ffffn));
    value >>= 32n;
  }
}

/** True when bytes [from, to) are all zero. */
export function isZero(buf: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (buf[i] !== 0) return false;
  return true;
}
