// Walks the records of a batch as offsets into its buffer: no copy of a key
// or of data, and no object per record. One cursor can be reused for many
// batches (reset), so a broker's hot loop allocates nothing. The cursor
// checks structure (bounds, attributes, varints, trailing bytes) but not
// checksums or limits: run validateBatch first.
import {
  attrExplicitHashKey,
  batchHeaderBytes,
  hashKeyBytes,
  offsetRecordCount,
  readU32,
} from './batch-format.js';
import { RheoError } from './errors.js';
import { hashKeyFromBytes } from './hash-key.js';
import { partitionKeyBytesMax, partitionKeyCharsMax } from './limits.js';
import { type ReadPosition, readVarint } from './varint.js';

function malformed(index: number, message: string): RheoError {
  return new RheoError('InvalidArgument', `record batch: record ${index}: ${message}`);
}

export class RecordCursor implements ReadPosition {
  /** The current record's place in the batch; -1 before the first next(). */
  index = -1;
  /** Offset of the explicit hash key's 16 bytes, or -1 when the record has none. */
  hashKeyOffset = -1;
  keyOffset = 0;
  keyBytes = 0;
  dataOffset = 0;
  dataBytes = 0;
  /** Read position in the batch (ReadPosition for readVarint). */
  pos = batchHeaderBytes;
  private batch: Uint8Array = new Uint8Array(0);
  private recordCount = 0;

  constructor(batch?: Uint8Array) {
    if (batch !== undefined) this.reset(batch);
  }

  /** Points the cursor before the first record of `batch` (a validated batch). */
  reset(batch: Uint8Array): this {
    this.batch = batch;
    this.recordCount = batch.length >= batchHeaderBytes ? readU32(batch, offsetRecordCount) : 0;
    this.index = -1;
    this.pos = batchHeaderBytes;
    return this;
  }

  /** The buffer the offsets point into. */
  get buffer(): Uint8Array {
    return this.batch;
  }

  /**
   * Moves to the next record; false after the last one. Throws InvalidArgument
   * when the bytes do not frame the announced number of records exactly.
   */
  next(): boolean {
    const batch = this.batch;
    const end = batch.length;
    const index = this.index + 1;
    if (index >= this.recordCount) {
      if (this.pos !== end) throw malformed(index, `${end - this.pos} bytes after the last record`);
      return false;
    }
    this.index = index;
    if (this.pos >= end) throw malformed(index, 'missing (batch ends early)');
    const attributes = batch[this.pos++]!;
    if ((attributes & ~attrExplicitHashKey) !== 0) throw malformed(index, 'reserved attribute bits set');
    const keyBytes = readVarint(batch, this, end);
    if (keyBytes < 1 || keyBytes > partitionKeyBytesMax) {
      if (keyBytes < 0) throw malformed(index, 'bad key length varint');
      if (keyBytes === 0) throw malformed(index, 'key length 0 (a partition key is 1..256 characters)');
      // No code point takes more than 4 bytes, so this many bytes are too many characters.
      throw malformed(
        index,
        `partition key is ${keyBytes} bytes, so more than ${partitionKeyCharsMax} characters`,
      );
    }
    if ((attributes & attrExplicitHashKey) !== 0) {
      this.hashKeyOffset = this.pos;
      this.pos += hashKeyBytes;
    } else {
      this.hashKeyOffset = -1;
    }
    this.keyOffset = this.pos;
    this.keyBytes = keyBytes;
    this.pos += keyBytes;
    const dataBytes = this.pos <= end ? readVarint(batch, this, end) : -1;
    if (dataBytes < 0) throw malformed(index, 'batch ends inside the record or bad data length');
    this.dataOffset = this.pos;
    this.dataBytes = dataBytes;
    this.pos += dataBytes;
    if (this.pos > end) throw malformed(index, 'data runs past the end of the batch');
    return true;
  }

  /** The current record's partition key, decoded (allocates a string). */
  partitionKey(): string {
    return Buffer.from(this.batch.buffer, this.batch.byteOffset + this.keyOffset, this.keyBytes).toString(
      'utf8',
    );
  }

  /** The current record's data as a view over the batch (no copy). */
  data(): Buffer {
    return Buffer.from(this.batch.buffer, this.batch.byteOffset + this.dataOffset, this.dataBytes);
  }

  /** The current record's explicit hash key, or undefined when it has none. */
  explicitHashKey(): bigint | undefined {
    return this.hashKeyOffset < 0 ? undefined : hashKeyFromBytes(this.batch, this.hashKeyOffset);
  }
}
