// Original file: proto/rheo/v1/admin.proto


/**
 * UntagResource's input.
 */
export interface UntagResourceRequest {
  /**
   * ARN of a stream or a registered consumer.
   */
  'resourceArn'?: (string);
  /**
   * Keys of the tags to remove.
   */
  'tagKeys'?: (string)[];
}

/**
 * UntagResource's input.
 */
export interface UntagResourceRequest__Output {
  /**
   * ARN of a stream or a registered consumer.
   */
  'resourceArn': (string);
  /**
   * Keys of the tags to remove.
   */
  'tagKeys': (string)[];
}
