// Original file: proto/rheo/v1/admin.proto


/**
 * DeleteStream's input.
 */
export interface DeleteStreamRequest {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName'?: (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn'?: (string);
  /**
   * Deregister the stream's consumers too; without it a stream with consumers is ResourceInUse.
   */
  'enforceConsumerDeletion'?: (boolean);
}

/**
 * DeleteStream's input.
 */
export interface DeleteStreamRequest__Output {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName': (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn': (string);
  /**
   * Deregister the stream's consumers too; without it a stream with consumers is ResourceInUse.
   */
  'enforceConsumerDeletion': (boolean);
}
