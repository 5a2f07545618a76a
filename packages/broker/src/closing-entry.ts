// The closing entry of a shard's log (resharding, docs/resharding.md): once
// applied, the shard is closed on every replica, with its ending sequence
// number, and takes no more writes. It is its own small format, told apart
// from a record entry ("RE") by its magic:
//
//   offset size  field
//   0      2     magic "RC" (0x52 0x43)
//   2      1     version = 1
//   3      16    the shard's starting sequence number - 10^55 (u128): the
//                ending sequence number of a shard that never held a record
//   19     4     CRC-32C of bytes [0, 19)
//
// The ending sequence number is decided at apply time, not by the leader
// that proposed the entry: it is the newest record applied before the
// closing entry, which every replica knows alike.

import { crc32c, RheoError, sequenceNumberOffset } from '@rheo/wire';
import { ByteReader, ByteWriter } from './bytes-io.js';

const MAGIC0 = 0x52;
const MAGIC1 = 0x43;
const VERSION = 1;
const BODY_BYTES = 19;

export function encodeClosingEntry(startingSequence: bigint): Uint8Array {
  const w = new ByteWriter(BODY_BYTES + 4);
  w.u8(MAGIC0);
  w.u8(MAGIC1);
  w.u8(VERSION);
  w.u128(startingSequence - sequenceNumberOffset);
  const body = w.finish();
  w.u32(crc32c(body));
  return w.finish();
}

/** True when `data` is a closing entry (by its magic; decodeClosingEntry checks the rest). */
export function isClosingEntry(data: Uint8Array): boolean {
  return data.length >= 2 && data[0] === MAGIC0 && data[1] === MAGIC1;
}

/** The starting sequence number a closing entry carries; Corrupt when damaged. */
export function decodeClosingEntry(data: Uint8Array): bigint {
  const r = new ByteReader(data, 'closing entry', 0, Math.max(0, data.length - 4));
  if (data.length !== BODY_BYTES + 4) r.fail(`${data.length} bytes, not ${BODY_BYTES + 4}`);
  const crc = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(BODY_BYTES);
  if (crc32c(data.subarray(0, BODY_BYTES)) !== crc) r.fail('CRC-32C mismatch');
  r.u8();
  r.u8();
  const version = r.u8();
  if (version !== VERSION) r.fail(`closing entry version ${version} is not known`);
  return r.u128() + sequenceNumberOffset;
}

/** A produce refused because the shard closed first: never written, so the SDK re-routes it. */
export function shardClosedError(shardId: string): RheoError {
  return new RheoError(
    'ShardClosed',
    `shard ${shardId} is closed (split or merged); write to the shard that now holds the record's hash key`,
  );
}
