// @rheo/wire/internal: the batch layout and low-level helpers, for sibling
// packages that must read a header field directly (storage indexing a stored
// batch by its first sequence number, tests building hostile batches). Not a
// stable API: prefer the public entry.
export * from './batch-format.js';
export { type BatchHeader, headerCrc, readBatchHeader, sealHeader } from './batch-header.js';
export * from './index.js';
export { partitionKeyBytesProblem, utf8KeyCharCount } from './partition-key.js';
export * from './varint.js';
