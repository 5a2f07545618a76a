// A deliberately simple, independent writer of record-batch bytes, for the
// tests: no checks at all, so tests can build batches the real encoder would
// refuse (over-limit keys, bad UTF-8, 10,001 records) and compare the real
// encoder's output with it byte for byte. It follows the layout comment in
// src/batch-format.ts, not the encoder's code.
import { crc32c } from '../src/crc32c.js';

export interface RawRecord {
  /** The key's bytes as they go on the wire (any bytes, even invalid UTF-8). */
  readonly key: Uint8Array;
  readonly data: Uint8Array;
  /** 16 bytes, or undefined for none. */
  readonly hashKey?: Uint8Array | undefined;
  /** Attribute byte override (defaults to what hashKey implies). */
  readonly attributes?: number;
}

export interface RawHeader {
  readonly form?: number;
  readonly flags?: number;
  readonly recordCount?: number;
  readonly firstSequencePacked?: bigint;
  readonly arrivalMs?: number;
}

function varint(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte += 128;
    out.push(byte);
  } while (value > 0);
  return out;
}

/** The body bytes of `records`. */
export function rawBody(records: readonly RawRecord[]): Buffer {
  const parts: Uint8Array[] = [];
  for (const r of records) {
    parts.push(Uint8Array.of(r.attributes ?? (r.hashKey ? 1 : 0)), Uint8Array.from(varint(r.key.length)));
    if (r.hashKey) parts.push(r.hashKey);
    parts.push(r.key, Uint8Array.from(varint(r.data.length)), r.data);
  }
  return Buffer.concat(parts);
}

/** A sealed batch (both CRCs right) around `body`. */
export function rawBatch(body: Uint8Array, recordCount: number, header: RawHeader = {}): Buffer {
  const out = Buffer.alloc(48 + body.length);
  out.write('RB', 0, 'latin1');
  out[2] = 1;
  out[3] = header.form ?? 1;
  out.writeUInt16BE(header.flags ?? 0, 8);
  out.writeUInt32BE(header.recordCount ?? recordCount, 12);
  out.writeUInt32BE(body.length, 16);
  out.writeUInt32BE(crc32c(body), 20);
  const packed = header.firstSequencePacked ?? 0n;
  out.writeBigUInt64BE(packed >> 64n, 24);
  out.writeBigUInt64BE(packed & 0xffff_ffff_ffff_ffffn, 32);
  out.writeBigUInt64BE(BigInt(header.arrivalMs ?? 0), 40);
  Buffer.from(body).copy(out, 48);
  resealHeader(out);
  return out;
}

/** Recomputes the header CRC over bytes [0, 4) and [8, 48). */
export function resealHeader(batch: Buffer): void {
  const crc = crc32c(batch.subarray(8, 48), crc32c(batch.subarray(0, 4)));
  batch.writeUInt32BE(crc, 4);
}

/** A batch of `records` with UTF-8 string keys. */
export function rawRecords(records: readonly { key: string; data: Uint8Array }[]): Buffer {
  return rawBatch(
    rawBody(records.map((r) => ({ key: Buffer.from(r.key, 'utf8'), data: r.data }))),
    records.length,
  );
}
