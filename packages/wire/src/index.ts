// @rheo/wire's public entry: what every other package may use. The record
// batch layout constants and the varint helpers stay internal (./internal).

export { type DecodedRecord, decodeBatch, forEachRecord, recordCursors } from './batch-decode.js';
export {
  encodeBatch,
  encodeBatchInto,
  encodeBatchWith,
  encodedBatchBytesMax,
  type RecordInput,
} from './batch-encode.js';
export { type BatchForm, batchHeaderBytes, type CompressionCodec } from './batch-format.js';
export { batchHashKeys, firstRecordOutsideRange, recordHashKey } from './batch-hash-keys.js';
export { splitBatches } from './batch-sequence.js';
export {
  type BatchStamp,
  readBatchStamp,
  recordSequenceNumber,
  stampBatch,
} from './batch-stamp.js';
export { type BatchInfo, validateBatch, validateClientBatch } from './batch-validate.js';
export * from './crc32c.js';
export { fromErrorDetail, toErrorDetail } from './error-detail.js';
export {
  isReason,
  isRheoError,
  type Reason,
  type ReasonInfo,
  RheoError,
  type RheoErrorOptions,
  reasonNames,
  reasons,
  toRheoError,
} from './errors.js';
export {
  compareHashKeyBytes,
  formatHashKey,
  hashKeyBytesLength,
  hashKeyFromBytes,
  hashKeyMax,
  hashKeyToBytes,
  isHashKey,
  parseHashKey,
  partitionKeyHashKey,
  partitionKeyHashKeyBytes,
} from './hash-key.js';
export {
  areAdjacent,
  evenHashRanges,
  fullHashRange,
  type HashRange,
  type HashRangeBytes,
  hashRange,
  hashRangeBytes,
  hashRangeContains,
  mergeHashRanges,
  splitHashRange,
} from './hash-range.js';
export {
  decodeIteratorToken,
  encodeIteratorToken,
  type IteratorClaims,
  type IteratorDecodeResult,
  type IteratorPosition,
  type IteratorProblem,
  iteratorSecretBytesMin,
  peekIteratorRoute,
} from './iterator-token.js';
export * from './limits.js';
export { codePointCount, partitionKeyProblem } from './partition-key.js';
export * from './proto.js';
export { RecordCursor } from './record-cursor.js';
export {
  childBase,
  compareSequenceNumbers,
  entryRecordsMax,
  formatSequenceNumber,
  isSequenceNumber,
  parseSequenceNumber,
  type SequenceParts,
  sequenceBaseMax,
  sequenceIndexMax,
  sequenceNumber,
  sequenceNumberAfter,
  sequenceNumberDigits,
  sequenceNumberOffset,
  sequenceParts,
  startingSequenceNumber,
} from './sequence-number.js';
export { ShardMap, type ShardRangeEntry } from './shard-map.js';
export { Slab, SlabCarver, SlabPool, slabPieceBytesMax } from './slab-pool.js';
