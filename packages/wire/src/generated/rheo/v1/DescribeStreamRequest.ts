// Original file: proto/rheo/v1/admin.proto


/**
 * DescribeStream's input.
 */
export interface DescribeStreamRequest {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName'?: (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn'?: (string);
  /**
   * Most shards to return (1..10000); 0 means 100.
   */
  'limit'?: (number);
  /**
   * Return shards whose id sorts after this one (paging).
   */
  'exclusiveStartShardId'?: (string);
}

/**
 * DescribeStream's input.
 */
export interface DescribeStreamRequest__Output {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName': (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn': (string);
  /**
   * Most shards to return (1..10000); 0 means 100.
   */
  'limit': (number);
  /**
   * Return shards whose id sorts after this one (paging).
   */
  'exclusiveStartShardId': (string);
}
