// Proves the curated public entry (src/index.ts) exports what sibling
// packages build on, so a refactor inside wire cannot silently drop one.
// The other tests import the modules they test directly, which keeps each
// test file from loading the gRPC contract it does not need.
import { expect, test } from 'vitest';
import * as wire from '../src/index.js';

test.each([
  // record batches
  'encodeBatch',
  'encodeBatchInto',
  'encodedBatchBytesMax',
  'validateBatch',
  'validateClientBatch',
  'decodeBatch',
  'forEachRecord',
  'recordCursors',
  'RecordCursor',
  'stampBatch',
  'readBatchStamp',
  'recordSequenceNumber',
  'splitBatches',
  'batchHashKeys',
  'firstRecordOutsideRange',
  'recordHashKey',
  // hash keys and routing
  'partitionKeyHashKey',
  'partitionKeyHashKeyBytes',
  'parseHashKey',
  'formatHashKey',
  'hashKeyMax',
  'evenHashRanges',
  'splitHashRange',
  'mergeHashRanges',
  'hashRangeBytes',
  'ShardMap',
  // sequence numbers
  'sequenceNumber',
  'parseSequenceNumber',
  'formatSequenceNumber',
  'compareSequenceNumbers',
  'childBase',
  'startingSequenceNumber',
  // iterator tokens, errors, limits, checksums
  'encodeIteratorToken',
  'decodeIteratorToken',
  'RheoError',
  'reasons',
  'isRheoError',
  'toRheoError',
  'toErrorDetail',
  'fromErrorDetail',
  'clientBatchLimits',
  'storedBatchLimits',
  'batchLimits',
  'recordBytesMax',
  'iteratorTtlMs',
  'crc32c',
])('exports %s', (name) => {
  expect((wire as Record<string, unknown>)[name], name).toBeDefined();
});
