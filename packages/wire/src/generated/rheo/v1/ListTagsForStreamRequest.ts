// Original file: proto/rheo/v1/admin.proto


/**
 * ListTagsForStream's input.
 */
export interface ListTagsForStreamRequest {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName'?: (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn'?: (string);
  /**
   * Return tags whose key sorts after this one (paging).
   */
  'exclusiveStartTagKey'?: (string);
  /**
   * Most tags to return (1..50); 0 means 10.
   */
  'limit'?: (number);
}

/**
 * ListTagsForStream's input.
 */
export interface ListTagsForStreamRequest__Output {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName': (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn': (string);
  /**
   * Return tags whose key sorts after this one (paging).
   */
  'exclusiveStartTagKey': (string);
  /**
   * Most tags to return (1..50); 0 means 10.
   */
  'limit': (number);
}
