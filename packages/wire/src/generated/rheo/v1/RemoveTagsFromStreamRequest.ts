// Original file: proto/rheo/v1/admin.proto


/**
 * RemoveTagsFromStream's input.
 */
export interface RemoveTagsFromStreamRequest {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName'?: (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn'?: (string);
  /**
   * Keys of the tags to remove (at most 10 per call); unknown keys are ignored.
   */
  'tagKeys'?: (string)[];
}

/**
 * RemoveTagsFromStream's input.
 */
export interface RemoveTagsFromStreamRequest__Output {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName': (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn': (string);
  /**
   * Keys of the tags to remove (at most 10 per call); unknown keys are ignored.
   */
  'tagKeys': (string)[];
}
