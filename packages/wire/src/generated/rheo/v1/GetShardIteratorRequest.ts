// Original file: proto/rheo/v1/data.proto

import type { ShardIteratorType as _rheo_v1_ShardIteratorType, ShardIteratorType__Output as _rheo_v1_ShardIteratorType__Output } from '../../rheo/v1/ShardIteratorType.js';
import type { Long } from '@grpc/proto-loader';

/**
 * GetShardIterator's input.
 */
export interface GetShardIteratorRequest {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName'?: (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn'?: (string);
  /**
   * The shard to read.
   */
  'shardId'?: (string);
  /**
   * Where to start.
   */
  'shardIteratorType'?: (_rheo_v1_ShardIteratorType);
  /**
   * For AT_SEQUENCE_NUMBER and AFTER_SEQUENCE_NUMBER: a sequence number of this shard.
   */
  'startingSequenceNumber'?: (string);
  /**
   * For AT_TIMESTAMP: arrival time, ms since the epoch.
   */
  'timestampMs'?: (number | string | Long);
}

/**
 * GetShardIterator's input.
 */
export interface GetShardIteratorRequest__Output {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName': (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn': (string);
  /**
   * The shard to read.
   */
  'shardId': (string);
  /**
   * Where to start.
   */
  'shardIteratorType': (_rheo_v1_ShardIteratorType__Output);
  /**
   * For AT_SEQUENCE_NUMBER and AFTER_SEQUENCE_NUMBER: a sequence number of this shard.
   */
  'startingSequenceNumber': (string);
  /**
   * For AT_TIMESTAMP: arrival time, ms since the epoch.
   */
  'timestampMs': (number);
}
