// CRC-32C (Castagnoli), the checksum of record batches on the wire and of
// every value on disk. @node-rs/crc32 computes it with SSE4.2 / ARMv8 CRC
// instructions, many times faster than a table-driven loop in JavaScript.
import { crc32c as nativeCrc32c } from '@node-rs/crc32';

/**
 * CRC-32C of `data`, continuing from `initial` (the CRC of the bytes before
 * it) so a checksum can be built over several buffers without joining them.
 */
export function crc32c(data: Uint8Array, initial = 0): number {
  return nativeCrc32c(data, initial) >>> 0;
}
