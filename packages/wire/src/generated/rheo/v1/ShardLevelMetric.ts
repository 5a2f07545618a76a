// Original file: proto/rheo/v1/common.proto

/**
 * Shard-level metrics that enhanced monitoring can switch on (Kinesis names).
 */
export const ShardLevelMetric = {
  /**
   * Invalid in requests; present because proto3 needs a zero value.
   */
  SHARD_LEVEL_METRIC_UNSPECIFIED: 'SHARD_LEVEL_METRIC_UNSPECIFIED',
  /**
   * Bytes written to the shard.
   */
  SHARD_LEVEL_METRIC_INCOMING_BYTES: 'SHARD_LEVEL_METRIC_INCOMING_BYTES',
  /**
   * Records written to the shard.
   */
  SHARD_LEVEL_METRIC_INCOMING_RECORDS: 'SHARD_LEVEL_METRIC_INCOMING_RECORDS',
  /**
   * Bytes read from the shard.
   */
  SHARD_LEVEL_METRIC_OUTGOING_BYTES: 'SHARD_LEVEL_METRIC_OUTGOING_BYTES',
  /**
   * Records read from the shard.
   */
  SHARD_LEVEL_METRIC_OUTGOING_RECORDS: 'SHARD_LEVEL_METRIC_OUTGOING_RECORDS',
  /**
   * Writes refused for the shard's write limits.
   */
  SHARD_LEVEL_METRIC_WRITE_PROVISIONED_THROUGHPUT_EXCEEDED: 'SHARD_LEVEL_METRIC_WRITE_PROVISIONED_THROUGHPUT_EXCEEDED',
  /**
   * Reads refused for the shard's read limits.
   */
  SHARD_LEVEL_METRIC_READ_PROVISIONED_THROUGHPUT_EXCEEDED: 'SHARD_LEVEL_METRIC_READ_PROVISIONED_THROUGHPUT_EXCEEDED',
  /**
   * Age of the last record read, a measure of consumer lag.
   */
  SHARD_LEVEL_METRIC_ITERATOR_AGE_MILLISECONDS: 'SHARD_LEVEL_METRIC_ITERATOR_AGE_MILLISECONDS',
  /**
   * Every metric above.
   */
  SHARD_LEVEL_METRIC_ALL: 'SHARD_LEVEL_METRIC_ALL',
} as const;

/**
 * Shard-level metrics that enhanced monitoring can switch on (Kinesis names).
 */
export type ShardLevelMetric =
  /**
   * Invalid in requests; present because proto3 needs a zero value.
   */
  | 'SHARD_LEVEL_METRIC_UNSPECIFIED'
  | 0
  /**
   * Bytes written to the shard.
   */
  | 'SHARD_LEVEL_METRIC_INCOMING_BYTES'
  | 1
  /**
   * Records written to the shard.
   */
  | 'SHARD_LEVEL_METRIC_INCOMING_RECORDS'
  | 2
  /**
   * Bytes read from the shard.
   */
  | 'SHARD_LEVEL_METRIC_OUTGOING_BYTES'
  | 3
  /**
   * Records read from the shard.
   */
  | 'SHARD_LEVEL_METRIC_OUTGOING_RECORDS'
  | 4
  /**
   * Writes refused for the shard's write limits.
   */
  | 'SHARD_LEVEL_METRIC_WRITE_PROVISIONED_THROUGHPUT_EXCEEDED'
  | 5
  /**
   * Reads refused for the shard's read limits.
   */
  | 'SHARD_LEVEL_METRIC_READ_PROVISIONED_THROUGHPUT_EXCEEDED'
  | 6
  /**
   * Age of the last record read, a measure of consumer lag.
   */
  | 'SHARD_LEVEL_METRIC_ITERATOR_AGE_MILLISECONDS'
  | 7
  /**
   * Every metric above.
   */
  | 'SHARD_LEVEL_METRIC_ALL'
  | 8

/**
 * Shard-level metrics that enhanced monitoring can switch on (Kinesis names).
 */
export type ShardLevelMetric__Output = typeof ShardLevelMetric[keyof typeof ShardLevelMetric]
