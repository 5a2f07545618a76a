// Original file: proto/rheo/v1/admin.proto


/**
 * TagResource's input.
 */
export interface TagResourceRequest {
  /**
   * ARN of a stream or a registered consumer.
   */
  'resourceArn'?: (string);
  /**
   * Tags to add or overwrite.
   */
  'tags'?: ({[key: string]: string});
}

/**
 * TagResource's input.
 */
export interface TagResourceRequest__Output {
  /**
   * ARN of a stream or a registered consumer.
   */
  'resourceArn': (string);
  /**
   * Tags to add or overwrite.
   */
  'tags': ({[key: string]: string});
}
