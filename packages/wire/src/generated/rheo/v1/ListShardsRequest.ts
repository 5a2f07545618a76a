// Original file: proto/rheo/v1/admin.proto

import type { ShardFilter as _rheo_v1_ShardFilter, ShardFilter__Output as _rheo_v1_ShardFilter__Output } from '../../rheo/v1/ShardFilter.js';
import type { Long } from '@grpc/proto-loader';

/**
 * ListShards' input. With next_token, every other field must be empty (as Kinesis requires).
 */
export interface ListShardsRequest {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName'?: (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn'?: (string);
  /**
   * The previous page's next_token.
   */
  'nextToken'?: (string);
  /**
   * Return shards whose id sorts after this one.
   */
  'exclusiveStartShardId'?: (string);
  /**
   * Most shards to return (1..10000); 0 means 1000.
   */
  'maxResults'?: (number);
  /**
   * Tells apart two streams that had the same name: refuse if the stream was created at another time.
   */
  'streamCreationTimestampMs'?: (number | string | Long);
  /**
   * Which shards to return; all retained shards when unset.
   */
  'shardFilter'?: (_rheo_v1_ShardFilter | null);
}

/**
 * ListShards' input. With next_token, every other field must be empty (as Kinesis requires).
 */
export interface ListShardsRequest__Output {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName': (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn': (string);
  /**
   * The previous page's next_token.
   */
  'nextToken': (string);
  /**
   * Return shards whose id sorts after this one.
   */
  'exclusiveStartShardId': (string);
  /**
   * Most shards to return (1..10000); 0 means 1000.
   */
  'maxResults': (number);
  /**
   * Tells apart two streams that had the same name: refuse if the stream was created at another time.
   */
  'streamCreationTimestampMs': (number);
  /**
   * Which shards to return; all retained shards when unset.
   */
  'shardFilter': (_rheo_v1_ShardFilter__Output | null);
}
