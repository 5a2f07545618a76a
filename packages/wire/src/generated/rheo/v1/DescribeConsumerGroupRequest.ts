// Original file: proto/rheo/v1/groups.proto


/**
 * DescribeConsumerGroup's input.
 */
export interface DescribeConsumerGroupRequest {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName'?: (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn'?: (string);
  /**
   * The group to describe.
   */
  'groupName'?: (string);
}

/**
 * DescribeConsumerGroup's input.
 */
export interface DescribeConsumerGroupRequest__Output {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName': (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn': (string);
  /**
   * The group to describe.
   */
  'groupName': (string);
}
