// Original file: proto/rheo/v1/admin.proto


/**
 * ListTagsForResource's input.
 */
export interface ListTagsForResourceRequest {
  /**
   * ARN of a stream or a registered consumer.
   */
  'resourceArn'?: (string);
}

/**
 * ListTagsForResource's input.
 */
export interface ListTagsForResourceRequest__Output {
  /**
   * ARN of a stream or a registered consumer.
   */
  'resourceArn': (string);
}
