// Original file: proto/rheo/v1/common.proto

/**
 * The kinds of filter ListShards accepts, with Kinesis's meanings.
 */
export const ShardFilterType = {
  /**
   * No filter: every shard, open and closed, that is still retained.
   */
  SHARD_FILTER_TYPE_UNSPECIFIED: 'SHARD_FILTER_TYPE_UNSPECIFIED',
  /**
   * Shards whose id sorts after ShardFilter.shard_id.
   */
  SHARD_FILTER_TYPE_AFTER_SHARD_ID: 'SHARD_FILTER_TYPE_AFTER_SHARD_ID',
  /**
   * Shards that were open at the trim horizon (the retention boundary).
   */
  SHARD_FILTER_TYPE_AT_TRIM_HORIZON: 'SHARD_FILTER_TYPE_AT_TRIM_HORIZON',
  /**
   * Every shard from the trim horizon on, closed ones included.
   */
  SHARD_FILTER_TYPE_FROM_TRIM_HORIZON: 'SHARD_FILTER_TYPE_FROM_TRIM_HORIZON',
  /**
   * Only the shards open now.
   */
  SHARD_FILTER_TYPE_AT_LATEST: 'SHARD_FILTER_TYPE_AT_LATEST',
  /**
   * Shards that were open at ShardFilter.timestamp_ms.
   */
  SHARD_FILTER_TYPE_AT_TIMESTAMP: 'SHARD_FILTER_TYPE_AT_TIMESTAMP',
  /**
   * Shards open at ShardFilter.timestamp_ms and every shard opened after it.
   */
  SHARD_FILTER_TYPE_FROM_TIMESTAMP: 'SHARD_FILTER_TYPE_FROM_TIMESTAMP',
} as const;

/**
 * The kinds of filter ListShards accepts, with Kinesis's meanings.
 */
export type ShardFilterType =
  /**
   * No filter: every shard, open and closed, that is still retained.
   */
  | 'SHARD_FILTER_TYPE_UNSPECIFIED'
  | 0
  /**
   * Shards whose id sorts after ShardFilter.shard_id.
   */
  | 'SHARD_FILTER_TYPE_AFTER_SHARD_ID'
  | 1
  /**
   * Shards that were open at the trim horizon (the retention boundary).
   */
  | 'SHARD_FILTER_TYPE_AT_TRIM_HORIZON'
  | 2
  /**
   * Every shard from the trim horizon on, closed ones included.
   */
  | 'SHARD_FILTER_TYPE_FROM_TRIM_HORIZON'
  | 3
  /**
   * Only the shards open now.
   */
  | 'SHARD_FILTER_TYPE_AT_LATEST'
  | 4
  /**
   * Shards that were open at ShardFilter.timestamp_ms.
   */
  | 'SHARD_FILTER_TYPE_AT_TIMESTAMP'
  | 5
  /**
   * Shards open at ShardFilter.timestamp_ms and every shard opened after it.
   */
  | 'SHARD_FILTER_TYPE_FROM_TIMESTAMP'
  | 6

/**
 * The kinds of filter ListShards accepts, with Kinesis's meanings.
 */
export type ShardFilterType__Output = typeof ShardFilterType[keyof typeof ShardFilterType]
