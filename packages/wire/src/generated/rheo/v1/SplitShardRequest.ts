// Original file: proto/rheo/v1/admin.proto


/**
 * SplitShard's input.
 */
export interface SplitShardRequest {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName'?: (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn'?: (string);
  /**
   * The open shard to split.
   */
  'shardToSplit'?: (string);
  /**
   * The first hash key of the upper child: strictly inside the parent's range, above its start.
   */
  'newStartingHashKey'?: (string);
}

/**
 * SplitShard's input.
 */
export interface SplitShardRequest__Output {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName': (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn': (string);
  /**
   * The open shard to split.
   */
  'shardToSplit': (string);
  /**
   * The first hash key of the upper child: strictly inside the parent's range, above its start.
   */
  'newStartingHashKey': (string);
}
