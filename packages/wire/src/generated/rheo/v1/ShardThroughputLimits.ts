// Original file: proto/rheo/v1/admin.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Rheo extension: a shard's throughput limits, per second (docs/limits.md). Past one, the shard
 * answers ProvisionedThroughputExceeded. In a request 0 means "the cluster's value".
 */
export interface ShardThroughputLimits {
  /**
   * Record-batch bytes a shard takes per second (Kinesis: 1 MiB).
   */
  'writeBytesPerSecond'?: (number | string | Long);
  /**
   * Records a shard takes per second (Kinesis: 1,000).
   */
  'writeRecordsPerSecond'?: (number);
  /**
   * Bytes GetRecords hands out per second, shared by the shard's pull readers (Kinesis: 2 MiB).
   */
  'readBytesPerSecond'?: (number | string | Long);
  /**
   * GetRecords calls per second, shared by the shard's pull readers (Kinesis: 5).
   */
  'readCallsPerSecond'?: (number);
}

/**
 * Rheo extension: a shard's throughput limits, per second (docs/limits.md). Past one, the shard
 * answers ProvisionedThroughputExceeded. In a request 0 means "the cluster's value".
 */
export interface ShardThroughputLimits__Output {
  /**
   * Record-batch bytes a shard takes per second (Kinesis: 1 MiB).
   */
  'writeBytesPerSecond': (number);
  /**
   * Records a shard takes per second (Kinesis: 1,000).
   */
  'writeRecordsPerSecond': (number);
  /**
   * Bytes GetRecords hands out per second, shared by the shard's pull readers (Kinesis: 2 MiB).
   */
  'readBytesPerSecond': (number);
  /**
   * GetRecords calls per second, shared by the shard's pull readers (Kinesis: 5).
   */
  'readCallsPerSecond': (number);
}
