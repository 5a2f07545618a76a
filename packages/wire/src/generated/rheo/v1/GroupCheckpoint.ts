// Original file: proto/rheo/v1/groups.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A group's position in a shard.
 */
export interface GroupCheckpoint {
  /**
   * The last processed record's sequence number; empty when none has been (see at_shard_end).
   */
  'sequenceNumber'?: (string);
  /**
   * True once a closed shard has been processed to its end (Kinesis's SHARD_END sentinel).
   */
  'atShardEnd'?: (boolean);
  /**
   * When the checkpoint was written, ms since the epoch.
   */
  'updatedAtMs'?: (number | string | Long);
}

/**
 * A group's position in a shard.
 */
export interface GroupCheckpoint__Output {
  /**
   * The last processed record's sequence number; empty when none has been (see at_shard_end).
   */
  'sequenceNumber': (string);
  /**
   * True once a closed shard has been processed to its end (Kinesis's SHARD_END sentinel).
   */
  'atShardEnd': (boolean);
  /**
   * When the checkpoint was written, ms since the epoch.
   */
  'updatedAtMs': (number);
}
