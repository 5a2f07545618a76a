// Hash keys: where a record lands. Kinesis maps a record to the shard whose
// range holds MD5(UTF-8 partition key) read as an unsigned 128-bit integer,
// most significant byte first (the digest's hex string is the number's hex),
// unless the producer gives an explicit hash key as a decimal string.
// On the wire and on the hot path a hash key is 16 big-endian bytes, which
// compare in byte order without a bigint; at the API it is a bigint or its
// decimal string, as Kinesis spells it.
import { RheoError } from './errors.js';
import { md5Into } from './md5.js';

export const hashKeyMax = 2n ** 128n - 1n;
export const hashKeyBytesLength = 16;

const explicitHashKeyPattern = /^(0|[1-9][0-9]{0,38})$/;

// Scratch space for a key's UTF-8 bytes and its digest; the code is synchronous.
const keyScratch = Buffer.allocUnsafe(1024);
const digestScratch = Buffer.allocUnsafe(hashKeyBytesLength);

/** MD5 of a key into `out` at `offset`, encoding a string key without allocating when it fits. */
function hashInto(partitionKey: string | Uint8Array, out: Uint8Array, offset: number): void {
  if (typeof partitionKey !== 'string') {
    md5Into(partitionKey, 0, partitionKey.length, out, offset);
  } else if (partitionKey.length * 3 <= keyScratch.length) {
    // A UTF-16 unit never takes more than 3 UTF-8 bytes, so this write cannot be cut short.
    md5Into(keyScratch, 0, keyScratch.write(partitionKey, 0, 'utf8'), out, offset);
  } else {
    const bytes = Buffer.from(partitionKey, 'utf8');
    md5Into(bytes, 0, bytes.length, out, offset);
  }
}

/** MD5 of the partition key (a string, or its UTF-8 bytes) as 16 big-endian bytes. */
export function partitionKeyHashKeyBytes(partitionKey: string | Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(hashKeyBytesLength);
  hashInto(partitionKey, out, 0);
  return out;
}

/** MD5 of the partition key as an unsigned 128-bit integer. */
export function partitionKeyHashKey(partitionKey: string | Uint8Array): bigint {
  hashInto(partitionKey, digestScratch, 0);
  return hashKeyFromBytes(digestScratch);
}

/** Reads a 16-byte big-endian hash key. */
export function hashKeyFromBytes(bytes: Uint8Array, offset = 0): bigint {
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, hashKeyBytesLength);
  return (view.getBigUint64(0) << 64n) | view.getBigUint64(8);
}

/** Writes a hash key as 16 big-endian bytes into `out` at `offset` (a new buffer when omitted). */
export function hashKeyToBytes(key: bigint, out: Uint8Array = new Uint8Array(16), offset = 0): Uint8Array {
  const view = new DataView(out.buffer, out.byteOffset + offset, hashKeyBytesLength);
  view.setBigUint64(0, key >> 64n);
  view.setBigUint64(8, key & 0xffff_ffff_ffff_ffffn);
  return out;
}

/** A hash key's decimal string, as Kinesis returns it. */
export function formatHashKey(key: bigint): string {
  return key.toString();
}

/** True when `key` is an integer in 0 .. 2^128-1. */
export function isHashKey(key: bigint): boolean {
  return key >= 0n && key <= hashKeyMax;
}

/**
 * Parses an explicit hash key (decimal, 0 .. 2^128-1), answering as Kinesis
 * does: InvalidArgument naming the field and the value.
 */
export function parseHashKey(text: string, field = 'ExplicitHashKey'): bigint {
  const value = explicitHashKeyPattern.test(text) ? BigInt(text) : -1n;
  if (!isHashKey(value)) {
    const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text;
    throw new RheoError(
      'InvalidArgument',
      `Invalid ${field}. ${field} must be in the range: [0, 2^128-1]. Specified value was ${shown}`,
      { field },
    );
  }
  return value;
}

/** Orders two 16-byte hash keys held in buffers, without a bigint. */
export function compareHashKeyBytes(a: Uint8Array, aOffset: number, b: Uint8Array, bOffset: number): number {
  for (let i = 0; i < hashKeyBytesLength; i++) {
    const d = a[aOffset + i]! - b[bOffset + i]!;
    if (d !== 0) return d;
  }
  return 0;
}
