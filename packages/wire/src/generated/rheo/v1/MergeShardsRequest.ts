// Original file: proto/rheo/v1/admin.proto


/**
 * MergeShards' input.
 */
export interface MergeShardsRequest {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName'?: (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn'?: (string);
  /**
   * One open shard.
   */
  'shardToMerge'?: (string);
  /**
   * An open shard whose range is adjacent to shard_to_merge's.
   */
  'adjacentShardToMerge'?: (string);
}

/**
 * MergeShards' input.
 */
export interface MergeShardsRequest__Output {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName': (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn': (string);
  /**
   * One open shard.
   */
  'shardToMerge': (string);
  /**
   * An open shard whose range is adjacent to shard_to_merge's.
   */
  'adjacentShardToMerge': (string);
}
