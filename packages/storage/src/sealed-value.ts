// Every value in the store is sealed: a CRC-32C in front of the payload,
// computed over the key and then the payload. Covering the key too catches a
// value that is intact but sits under the wrong key (a misdirected write or a
// bug in key arithmetic), which a payload-only checksum would pass.
//
//   value = crc32c(key ‖ payload) u32 BE ‖ payload

import { crc32c } from '@rheo/wire';
import { CorruptDataError } from './errors.js';
import { readU32, writeU32 } from './u64.js';

export const SEAL_BYTES = 4;

/** A buffer with room for the checksum in front of `payloadBytes` of payload. */
export function allocSealed(payloadBytes: number): Uint8Array {
  return Buffer.allocUnsafe(SEAL_BYTES + payloadBytes);
}

/** Writes the checksum of `value`'s payload (bytes after the seal) under `key`. */
export function seal(key: Uint8Array, value: Uint8Array): Uint8Array {
  writeU32(value, 0, crc32c(value.subarray(SEAL_BYTES), crc32c(key)));
  return value;
}

export function sealPayload(key: Uint8Array, payload: Uint8Array): Uint8Array {
  const v = allocSealed(payload.byteLength);
  v.set(payload, SEAL_BYTES);
  return seal(key, v);
}

export interface CorruptWhere {
  readonly group?: string;
  readonly index?: number;
}

/** The payload of a sealed value (a view, no copy); throws CorruptDataError when the checksum fails. */
export function unseal(key: Uint8Array, value: Uint8Array, where?: CorruptWhere): Uint8Array {
  if (value.byteLength < SEAL_BYTES) {
    throw new CorruptDataError(key, `value of ${value.byteLength} bytes is shorter than its checksum`, where);
  }
  const payload = value.subarray(SEAL_BYTES);
  const want = readU32(value, 0);
  const got = crc32c(payload, crc32c(key));
  if (want !== got) {
    throw new CorruptDataError(
      key,
      `crc32c mismatch: stored ${want.toString(16)}, computed ${got.toString(16)}`,
      where,
    );
  }
  return payload;
}
