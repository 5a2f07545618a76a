// Original file: proto/rheo/v1/admin.proto


/**
 * CreateStream's result. Kinesis returns nothing; the ARN saves a describe call.
 */
export interface CreateStreamResponse {
  /**
   * The new stream's ARN-like id (`arn:rheo:kinesis:<cluster>:stream/<name>`).
   */
  'streamArn'?: (string);
}

/**
 * CreateStream's result. Kinesis returns nothing; the ARN saves a describe call.
 */
export interface CreateStreamResponse__Output {
  /**
   * The new stream's ARN-like id (`arn:rheo:kinesis:<cluster>:stream/<name>`).
   */
  'streamArn': (string);
}
