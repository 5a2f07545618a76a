// Original file: proto/rheo/v1/admin.proto

import type { ShardFilterType as _rheo_v1_ShardFilterType, ShardFilterType__Output as _rheo_v1_ShardFilterType__Output } from '../../rheo/v1/ShardFilterType.js';
import type { Long } from '@grpc/proto-loader';

/**
 * Which shards ListShards returns.
 */
export interface ShardFilter {
  /**
   * The filter kind.
   */
  'type'?: (_rheo_v1_ShardFilterType);
  /**
   * For AFTER_SHARD_ID: the shard id to start after.
   */
  'shardId'?: (string);
  /**
   * For AT_TIMESTAMP and FROM_TIMESTAMP: ms since the epoch.
   */
  'timestampMs'?: (number | string | Long);
}

/**
 * Which shards ListShards returns.
 */
export interface ShardFilter__Output {
  /**
   * The filter kind.
   */
  'type': (_rheo_v1_ShardFilterType__Output);
  /**
   * For AFTER_SHARD_ID: the shard id to start after.
   */
  'shardId': (string);
  /**
   * For AT_TIMESTAMP and FROM_TIMESTAMP: ms since the epoch.
   */
  'timestampMs': (number);
}
