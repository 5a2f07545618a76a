// Original file: proto/rheo/v1/admin.proto


/**
 * AddTagsToStream's input.
 */
export interface AddTagsToStreamRequest {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName'?: (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn'?: (string);
  /**
   * Tags to add or overwrite (at most 10 per call, 50 per stream).
   */
  'tags'?: ({[key: string]: string});
}

/**
 * AddTagsToStream's input.
 */
export interface AddTagsToStreamRequest__Output {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName': (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn': (string);
  /**
   * Tags to add or overwrite (at most 10 per call, 50 per stream).
   */
  'tags': ({[key: string]: string});
}
