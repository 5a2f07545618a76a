// The data of one shard Raft entry: a small versioned envelope, then the
// stored record batches back to back, exactly as readers receive them.
//
//   offset size  field
//   0      2     magic "RE" (0x52 0x45)
//   2      1     version = 1
//   3      1     flags, zero
//   4      4     CRC-32C over the envelope: bytes [0, 4) and [8, headerBytes)
//   8      4     headerBytes: where the first batch starts
//   12     2     batch count (1 .. entryRecordsMax; every batch has a record)
//   14     2     reserved, zero
//   16     ...   one descriptor per batch, in batch order:
//                  u8 flags (bit 0: idempotent producer fields follow)
//                  [u8 id length, id UTF-8, u32 producer epoch, u64 batch sequence]
//   headerBytes  the stored batches, back to back (each header gives its length)
//
// Why this layout. Every replica rebuilds the idempotent-producer table from
// the descriptors when it applies the entry, so the table is replicated
// without a second write. Readers skip the envelope with one u32 read and
// hand the batch region out as a view: no copy, no re-encoding. The CRC
// covers only the envelope (a few bytes per batch): the batches carry their
// own header and body CRCs, checked by the leader on produce and end to end
// by consumers, so checking them again on every replica's apply would cost a
// pass over every byte for nothing. (Storage also checksums every value at
// rest.) An empty entry is a leader's no-op; it has no envelope.

import { crc32c, RheoError, splitBatches } from '@rheo/wire';
import { assert } from './assert.js';
import { ByteReader, ByteWriter } from './bytes-io.js';
import { isClosingEntry } from './closing-entry.js';
import type { ProducerStamp } from './types.js';

const MAGIC0 = 0x52;
const MAGIC1 = 0x45;
const VERSION = 1;
const FIXED_BYTES = 16;
const FLAG_PRODUCER = 0x01;
/** UTF-8 bytes of a producer id (1..64 characters, at most 4 bytes each). */
export const producerIdBytesMax = 255;

export interface EntryPart {
  /** A client batch; it is copied into the entry (the caller stamps the copy). */
  readonly batch: Uint8Array;
  readonly producer?: ProducerStamp | undefined;
}

export interface EncodedEntry {
  readonly data: Uint8Array;
  /** Each part's batch inside `data`, in order: stamp these in place. */
  readonly views: Uint8Array[];
}

export interface DecodedEntry {
  /** The stored batches, as views of the entry's data. */
  readonly batches: Uint8Array[];
  /** Each batch's producer fields, or undefined when it was sent without. */
  readonly producers: (ProducerStamp | undefined)[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Builds one entry from client batches: one allocation, one copy of each batch. */
export function encodeEntry(parts: readonly EntryPart[]): EncodedEntry {
  assert(parts.length > 0 && parts.length <= 0xffff, `entry of ${parts.length} batches`);
  const head = new ByteWriter(FIXED_BYTES + parts.length * 16);
  head.bytes(new Uint8Array(FIXED_BYTES));
  for (const p of parts) writeDescriptor(head, p.producer);
  const header = head.finish();
  let total = header.length;
  for (const p of parts) total += p.batch.length;
  const data = new Uint8Array(total);
  data.set(header);
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  data[0] = MAGIC0;
  data[1] = MAGIC1;
  data[2] = VERSION;
  dv.setUint32(8, header.length);
  dv.setUint16(12, parts.length);
  dv.setUint32(4, envelopeCrc(data, header.length));
  const views: Uint8Array[] = new Array(parts.length);
  let at = header.length;
  for (let i = 0; i < parts.length; i++) {
    const b = parts[i]!.batch;
    data.set(b, at);
    views[i] = data.subarray(at, at + b.length);
    at += b.length;
  }
  return { data, views };
}

function writeDescriptor(w: ByteWriter, p: ProducerStamp | undefined): void {
  if (p === undefined) {
    w.u8(0);
    return;
  }
  const id = encoder.encode(p.producerId);
  assert(id.length > 0 && id.length <= producerIdBytesMax, 'producer id length');
  w.u8(FLAG_PRODUCER);
  w.u8(id.length);
  w.bytes(id);
  w.u32(p.producerEpoch);
  w.u53(p.batchSequence);
}

function envelopeCrc(data: Uint8Array, headerBytes: number): number {
  return crc32c(data.subarray(8, headerBytes), crc32c(data.subarray(0, 4)));
}

/** Checks the fixed part and the envelope CRC; answers headerBytes and the batch count. */
function readFixed(data: Uint8Array): { headerBytes: number; count: number } {
  const r: ByteReader = new ByteReader(data, 'shard entry');
  if (data.length < FIXED_BYTES || data[0] !== MAGIC0 || data[1] !== MAGIC1) r.fail('not a shard entry');
  if (data[2] !== VERSION) r.fail(`entry version ${data[2]} is not known`);
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const headerBytes = dv.getUint32(8);
  const count = dv.getUint16(12);
  if (headerBytes < FIXED_BYTES + count || headerBytes > data.length || count === 0)
    r.fail('bad envelope size');
  if (envelopeCrc(data, headerBytes) !== dv.getUint32(4)) r.fail('envelope CRC-32C mismatch');
  return { headerBytes, count };
}

/** The whole entry: batches and their producer fields. Throws Corrupt on damage. */
export function decodeEntry(data: Uint8Array): DecodedEntry {
  const { headerBytes, count } = readFixed(data);
  const r: ByteReader = new ByteReader(data, 'shard entry', FIXED_BYTES, headerBytes);
  const producers: (ProducerStamp | undefined)[] = new Array(count);
  for (let i = 0; i < count; i++) producers[i] = readDescriptor(r);
  if (!r.done()) r.fail('envelope longer than its descriptors');
  const batches = splitBatchesChecked(data.subarray(headerBytes));
  if (batches.length !== count) r.fail(`${batches.length} batches, the envelope says ${count}`);
  return { batches, producers };
}

function readDescriptor(r: ByteReader): ProducerStamp | undefined {
  const flags = r.u8();
  if (flags === 0) return undefined;
  if (flags !== FLAG_PRODUCER) r.fail(`descriptor flags ${flags}`);
  const n = r.u8();
  if (n === 0) r.fail('empty producer id');
  let producerId: string;
  try {
    producerId = decoder.decode(r.bytes(n));
  } catch {
    r.fail('producer id is not UTF-8');
  }
  return { producerId, producerEpoch: r.u32(), batchSequence: r.u53() };
}

/**
 * Where the batches of an entry start, by its fixed header alone (no CRC
 * check): for hints such as the storage time index, never for serving.
 * Undefined when `data` is not a shard entry.
 */
export function batchRegionStart(data: Uint8Array): number | undefined {
  if (data.length < FIXED_BYTES || data[0] !== MAGIC0 || data[1] !== MAGIC1 || data[2] !== VERSION)
    return undefined;
  const headerBytes = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(8);
  return headerBytes <= data.length ? headerBytes : undefined;
}

/** The stored batches of an entry, as views, without reading the descriptors (the read path). */
export function entryBatches(data: Uint8Array): Uint8Array[] {
  // A closing entry holds no records (closing-entry.ts).
  if (isClosingEntry(data)) return [];
  const { headerBytes } = readFixed(data);
  return splitBatchesChecked(data.subarray(headerBytes));
}

function splitBatchesChecked(region: Uint8Array): Uint8Array[] {
  try {
    return splitBatches(region);
  } catch (e) {
    throw new RheoError('Corrupt', `shard entry: ${(e as Error).message}`, { cause: e });
  }
}
