// A shard's replicated state beside its log: the index it reflects, the
// idempotent-producer table, the batches that apply left out, the newest
// record, and (for resharding) the closed flag and ending sequence number.
// It is small. It is persisted with GroupLog.applyState every few entries,
// and it is the Raft snapshot's data for followers behind the retained log.
//
// Encoding (big-endian), then a CRC-32C of everything before it, since the
// bytes also travel between nodes inside snapshots:
//   "RS", u8 version 1, u53 appliedIndex, u8 flags (1 closed, 2 has newest),
//   [u128 endingSequence - offset], [u128 newestSequence - offset], u53 newestArrivalMs,
//   u32 producers, each: u8 id length, id, u32 epoch, u8 acks, each:
//     u53 batchSequence, u128 firstSequence - offset, u32 recordCount, u53 arrivalMs
//   u32 skipped entries, each: u53 index, u16 count, u16 ordinals...

import { crc32c, RheoError, sequenceNumberOffset } from '@rheo/wire';
import { ByteReader, ByteWriter } from './bytes-io.js';
import { type BatchAck, ProducerTable } from './producer-table.js';

const VERSION = 1;
const FLAG_CLOSED = 1;
const FLAG_NEWEST = 2;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export interface StateBounds {
  readonly producersMax: number;
  readonly producerBatchesKept: number;
}

export class ShardState {
  /** The last entry this state reflects; entries at or below it are not applied again. */
  appliedIndex: number;
  readonly producers: ProducerTable;
  /**
   * Entry index -> ordinals of the batches the apply step left out
   * (duplicates or fenced producers). Readers skip them. The leader never
   * proposes such a batch (producer-window.ts), so this stays empty unless
   * that protection failed; it is kept so that the apply-time check is
   * authoritative and the same on every replica.
   */
  readonly skipped = new Map<number, readonly number[]>();
  closed = false;
  endingSequence: bigint | undefined = undefined;
  /** The newest applied record's sequence number and arrival time. */
  newestSequence: bigint | undefined = undefined;
  newestArrivalMs = 0;

  constructor(appliedIndex: number, bounds: StateBounds) {
    this.appliedIndex = appliedIndex;
    this.producers = new ProducerTable(bounds.producersMax, bounds.producerBatchesKept);
  }

  /** Forgets skip records of entries the log no longer holds. */
  pruneSkippedBelow(firstIndex: number): void {
    for (const k of this.skipped.keys()) if (k < firstIndex) this.skipped.delete(k);
  }

  encode(): Uint8Array {
    const w = new ByteWriter(256 + this.producers.size * 64);
    w.u8(0x52);
    w.u8(0x53);
    w.u8(VERSION);
    w.u53(this.appliedIndex);
    const newest = this.newestSequence;
    w.u8((this.closed ? FLAG_CLOSED : 0) | (newest !== undefined ? FLAG_NEWEST : 0));
    if (this.closed) w.u128((this.endingSequence ?? sequenceNumberOffset) - sequenceNumberOffset);
    if (newest !== undefined) w.u128(newest - sequenceNumberOffset);
    w.u53(this.newestArrivalMs);
    w.u32(this.producers.size);
    for (const [id, r] of this.producers.entries()) {
      const idBytes = encoder.encode(id);
      w.u8(idBytes.length);
      w.bytes(idBytes);
      w.u32(r.epoch);
      w.u8(r.acks.length);
      for (const a of r.acks) writeAck(w, a);
    }
    w.u32(this.skipped.size);
    for (const [index, ordinals] of this.skipped) {
      w.u53(index);
      w.u16(ordinals.length);
      for (const o of ordinals) w.u16(o);
    }
    const body = w.finish();
    w.u32(crc32c(body));
    return w.finish();
  }

  static decode(data: Uint8Array, bounds: StateBounds): ShardState {
    if (data.length < 4) throw new RheoError('Corrupt', 'shard state: truncated');
    const bodyEnd = data.length - 4;
    const r: ByteReader = new ByteReader(data, 'shard state', 0, bodyEnd);
    const crc = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(bodyEnd);
    if (crc32c(data.subarray(0, bodyEnd)) !== crc) r.fail('CRC-32C mismatch');
    if (r.u8() !== 0x52 || r.u8() !== 0x53) r.fail('not a shard state');
    const version = r.u8();
    if (version !== VERSION) r.fail(`shard state version ${version} is not known`);
    const s = new ShardState(r.u53(), bounds);
    const flags = r.u8();
    s.closed = (flags & FLAG_CLOSED) !== 0;
    if (s.closed) s.endingSequence = r.u128() + sequenceNumberOffset;
    if (flags & FLAG_NEWEST) s.newestSequence = r.u128() + sequenceNumberOffset;
    s.newestArrivalMs = r.u53();
    const producers = r.u32();
    for (let i = 0; i < producers; i++) {
      let id: string;
      try {
        id = decoder.decode(r.bytes(r.u8()));
      } catch {
        r.fail('producer id is not UTF-8');
      }
      const epoch = r.u32();
      const n = r.u8();
      if (n === 0) r.fail('producer without acks');
      const acks: BatchAck[] = [];
      for (let j = 0; j < n; j++) acks.push(readAck(r));
      s.producers.restore(id, { epoch, acks });
    }
    const skipped = r.u32();
    for (let i = 0; i < skipped; i++) {
      const index = r.u53();
      const n = r.u16();
      const ordinals: number[] = [];
      for (let j = 0; j < n; j++) ordinals.push(r.u16());
      s.skipped.set(index, ordinals);
    }
    if (!r.done()) r.fail('trailing bytes');
    return s;
  }
}

function writeAck(w: ByteWriter, a: BatchAck): void {
  w.u53(a.batchSequence);
  w.u128(a.firstSequence - sequenceNumberOffset);
  w.u32(a.recordCount);
  w.u53(a.arrivalMs);
}

function readAck(r: ByteReader): BatchAck {
  return {
    batchSequence: r.u53(),
    firstSequence: r.u128() + sequenceNumberOffset,
    recordCount: r.u32(),
    arrivalMs: r.u53(),
  };
}
