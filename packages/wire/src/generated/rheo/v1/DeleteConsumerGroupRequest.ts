// Original file: proto/rheo/v1/groups.proto


/**
 * DeleteConsumerGroup's input.
 */
export interface DeleteConsumerGroupRequest {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName'?: (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn'?: (string);
  /**
   * The group to delete.
   */
  'groupName'?: (string);
}

/**
 * DeleteConsumerGroup's input.
 */
export interface DeleteConsumerGroupRequest__Output {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName': (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn': (string);
  /**
   * The group to delete.
   */
  'groupName': (string);
}
