// Original file: proto/rheo/v1/data.proto

import type { ChildShard as _rheo_v1_ChildShard, ChildShard__Output as _rheo_v1_ChildShard__Output } from '../../rheo/v1/ChildShard.js';
import type { Long } from '@grpc/proto-loader';

/**
 * One push on a subscription, sent as soon as records commit (or as a
 * keep-alive when none do). Same batch rules as GetRecordsResponse. A slow
 * subscriber is held back by HTTP/2 flow control, and the server reads no
 * further ahead than one event while it waits.
 */
export interface SubscribeToShardEvent {
  /**
   * Stored record batches, oldest first, one or more back to back per element; may be empty.
   */
  'storedBatches'?: (Buffer | Uint8Array | string)[];
  /**
   * Records at the head of the first batch that are not delivered.
   */
  'firstBatchSkipRecords'?: (number);
  /**
   * Records delivered, counted from after the skipped ones.
   */
  'recordCount'?: (number);
  /**
   * Resume point, always set: resubscribe with AFTER_SEQUENCE_NUMBER and this number to continue
   * with neither gap nor duplicate (it may name a position past the last record delivered when no
   * newer record existed, e.g. a subscription from LATEST that has seen nothing yet).
   */
  'continuationSequenceNumber'?: (string);
  /**
   * How far the last delivered record is behind the shard's newest, in ms.
   */
  'millisBehindLatest'?: (number | string | Long);
  /**
   * Set in the last event of a closed shard: the shards that replaced it.
   */
  'childShards'?: (_rheo_v1_ChildShard)[];
}

/**
 * One push on a subscription, sent as soon as records commit (or as a
 * keep-alive when none do). Same batch rules as GetRecordsResponse. A slow
 * subscriber is held back by HTTP/2 flow control, and the server reads no
 * further ahead than one event while it waits.
 */
export interface SubscribeToShardEvent__Output {
  /**
   * Stored record batches, oldest first, one or more back to back per element; may be empty.
   */
  'storedBatches': (Buffer)[];
  /**
   * Records at the head of the first batch that are not delivered.
   */
  'firstBatchSkipRecords': (number);
  /**
   * Records delivered, counted from after the skipped ones.
   */
  'recordCount': (number);
  /**
   * Resume point, always set: resubscribe with AFTER_SEQUENCE_NUMBER and this number to continue
   * with neither gap nor duplicate (it may name a position past the last record delivered when no
   * newer record existed, e.g. a subscription from LATEST that has seen nothing yet).
   */
  'continuationSequenceNumber': (string);
  /**
   * How far the last delivered record is behind the shard's newest, in ms.
   */
  'millisBehindLatest': (number);
  /**
   * Set in the last event of a closed shard: the shards that replaced it.
   */
  'childShards': (_rheo_v1_ChildShard__Output)[];
}
