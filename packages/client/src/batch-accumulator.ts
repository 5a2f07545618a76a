// Gathers one shard's records into batches within the PutRecords bounds
// (records and bytes, counted as Kinesis counts: partition-key UTF-8 bytes
// plus data). Records keep their order: a batch is sealed before a record
// that would overflow it is added, and batches leave in the order sealed.
// Pure bookkeeping, no I/O and no timers (the producer owns the linger
// timer), so its rules are checked by a property test.
import assert from 'node:assert/strict';
import type { RecordInput } from '@rheo/wire';

export interface BatchBounds {
  readonly batchRecordsMax: number;
  readonly batchBytesMax: number;
}

/** A record with its caller's promise callbacks (SDK surface: one promise per record). */
export interface PendingRecord<R> {
  readonly record: RecordInput;
  /** Partition-key UTF-8 bytes plus data bytes. */
  readonly bytes: number;
  readonly settle: R;
}

export interface SealedRecords<R> {
  readonly records: RecordInput[];
  readonly settles: R[];
  readonly bytes: number;
}

export class BatchAccumulator<R> {
  private records: RecordInput[] = [];
  private settles: R[] = [];
  private bytes = 0;

  constructor(private readonly bounds: BatchBounds) {
    assert.ok(bounds.batchRecordsMax >= 1 && bounds.batchBytesMax >= 1, 'batch bounds');
  }

  get count(): number {
    return this.records.length;
  }

  /**
   * Adds a record; returns the batches this sealed (0, 1 or 2: the open one
   * if the record did not fit, and the new one if the record filled it).
   * A record is never bigger than the byte bound (the producer checks).
   */
  add(pending: PendingRecord<R>): SealedRecords<R>[] {
    assert.ok(pending.bytes <= this.bounds.batchBytesMax, 'record over the batch byte bound');
    const sealed: SealedRecords<R>[] = [];
    if (this.records.length > 0 && this.bytes + pending.bytes > this.bounds.batchBytesMax) {
      sealed.push(this.seal()!);
    }
    this.records.push(pending.record);
    this.settles.push(pending.settle);
    this.bytes += pending.bytes;
    if (this.records.length >= this.bounds.batchRecordsMax || this.bytes >= this.bounds.batchBytesMax) {
      sealed.push(this.seal()!);
    }
    return sealed;
  }

  /** The open batch, sealed; undefined when empty. */
  seal(): SealedRecords<R> | undefined {
    if (this.records.length === 0) return undefined;
    const out = { records: this.records, settles: this.settles, bytes: this.bytes };
    this.records = [];
    this.settles = [];
    this.bytes = 0;
    return out;
  }
}
