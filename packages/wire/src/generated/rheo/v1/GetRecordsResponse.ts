// Original file: proto/rheo/v1/data.proto

import type { ChildShard as _rheo_v1_ChildShard, ChildShard__Output as _rheo_v1_ChildShard__Output } from '../../rheo/v1/ChildShard.js';
import type { Long } from '@grpc/proto-loader';

/**
 * GetRecords' result. Records come as stored record batches, byte for byte
 * as the shard's log holds them (each stamped with its first sequence number
 * and arrival time), so the reader checks their CRCs end to end and the
 * server never re-encodes. Each element of stored_batches holds one or more
 * stored batches back to back (each header gives its body length), usually
 * one Raft entry's data as it is. The first batch may begin before the
 * iterator's position and the last may run past the limit:
 * first_batch_skip_records and record_count say which records are delivered.
 */
export interface GetRecordsResponse {
  /**
   * Stored record batches (@rheo/wire's stored form), oldest first, one or more back to back per
   * element; empty when nothing is new.
   */
  'storedBatches'?: (Buffer | Uint8Array | string)[];
  /**
   * Records at the head of the first batch of stored_batches[0] that precede the iterator's position
   * and are not delivered.
   */
  'firstBatchSkipRecords'?: (number);
  /**
   * Records delivered, counted from after the skipped ones; any records after them are not delivered.
   */
  'recordCount'?: (number);
  /**
   * The iterator for the next call; empty once a closed shard has been read to its end.
   */
  'nextShardIterator'?: (string);
  /**
   * How far the last delivered record is behind the shard's newest, in ms; 0 when caught up.
   */
  'millisBehindLatest'?: (number | string | Long);
  /**
   * Set once a closed shard has been read to its end: the shards that replaced it.
   */
  'childShards'?: (_rheo_v1_ChildShard)[];
}

/**
 * GetRecords' result. Records come as stored record batches, byte for byte
 * as the shard's log holds them (each stamped with its first sequence number
 * and arrival time), so the reader checks their CRCs end to end and the
 * server never re-encodes. Each element of stored_batches holds one or more
 * stored batches back to back (each header gives its body length), usually
 * one Raft entry's data as it is. The first batch may begin before the
 * iterator's position and the last may run past the limit:
 * first_batch_skip_records and record_count say which records are delivered.
 */
export interface GetRecordsResponse__Output {
  /**
   * Stored record batches (@rheo/wire's stored form), oldest first, one or more back to back per
   * element; empty when nothing is new.
   */
  'storedBatches': (Buffer)[];
  /**
   * Records at the head of the first batch of stored_batches[0] that precede the iterator's position
   * and are not delivered.
   */
  'firstBatchSkipRecords': (number);
  /**
   * Records delivered, counted from after the skipped ones; any records after them are not delivered.
   */
  'recordCount': (number);
  /**
   * The iterator for the next call; empty once a closed shard has been read to its end.
   */
  'nextShardIterator': (string);
  /**
   * How far the last delivered record is behind the shard's newest, in ms; 0 when caught up.
   */
  'millisBehindLatest': (number);
  /**
   * Set once a closed shard has been read to its end: the shards that replaced it.
   */
  'childShards': (_rheo_v1_ChildShard__Output)[];
}
