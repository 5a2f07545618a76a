// Original file: proto/rheo/v1/groups.proto


/**
 * ListConsumerGroups' input.
 */
export interface ListConsumerGroupsRequest {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName'?: (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn'?: (string);
}

/**
 * ListConsumerGroups' input.
 */
export interface ListConsumerGroupsRequest__Output {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName': (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn': (string);
}
