// Original file: proto/rheo/v1/common.proto

/**
 * Where a shard iterator, a subscription or a new consumer-group lease starts.
 */
export const ShardIteratorType = {
  /**
   * Invalid in requests; present because proto3 needs a zero value.
   */
  SHARD_ITERATOR_TYPE_UNSPECIFIED: 'SHARD_ITERATOR_TYPE_UNSPECIFIED',
  /**
   * At the record with the given sequence number.
   */
  SHARD_ITERATOR_TYPE_AT_SEQUENCE_NUMBER: 'SHARD_ITERATOR_TYPE_AT_SEQUENCE_NUMBER',
  /**
   * Just after the record with the given sequence number.
   */
  SHARD_ITERATOR_TYPE_AFTER_SEQUENCE_NUMBER: 'SHARD_ITERATOR_TYPE_AFTER_SEQUENCE_NUMBER',
  /**
   * At the oldest record still retained.
   */
  SHARD_ITERATOR_TYPE_TRIM_HORIZON: 'SHARD_ITERATOR_TYPE_TRIM_HORIZON',
  /**
   * Just after the newest record: only records written from now on.
   */
  SHARD_ITERATOR_TYPE_LATEST: 'SHARD_ITERATOR_TYPE_LATEST',
  /**
   * At the first record whose arrival time is at or after the given time.
   */
  SHARD_ITERATOR_TYPE_AT_TIMESTAMP: 'SHARD_ITERATOR_TYPE_AT_TIMESTAMP',
} as const;

/**
 * Where a shard iterator, a subscription or a new consumer-group lease starts.
 */
export type ShardIteratorType =
  /**
   * Invalid in requests; present because proto3 needs a zero value.
   */
  | 'SHARD_ITERATOR_TYPE_UNSPECIFIED'
  | 0
  /**
   * At the record with the given sequence number.
   */
  | 'SHARD_ITERATOR_TYPE_AT_SEQUENCE_NUMBER'
  | 1
  /**
   * Just after the record with the given sequence number.
   */
  | 'SHARD_ITERATOR_TYPE_AFTER_SEQUENCE_NUMBER'
  | 2
  /**
   * At the oldest record still retained.
   */
  | 'SHARD_ITERATOR_TYPE_TRIM_HORIZON'
  | 3
  /**
   * Just after the newest record: only records written from now on.
   */
  | 'SHARD_ITERATOR_TYPE_LATEST'
  | 4
  /**
   * At the first record whose arrival time is at or after the given time.
   */
  | 'SHARD_ITERATOR_TYPE_AT_TIMESTAMP'
  | 5

/**
 * Where a shard iterator, a subscription or a new consumer-group lease starts.
 */
export type ShardIteratorType__Output = typeof ShardIteratorType[keyof typeof ShardIteratorType]
