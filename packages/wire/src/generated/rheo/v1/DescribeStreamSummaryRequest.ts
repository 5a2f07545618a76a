// Original file: proto/rheo/v1/admin.proto


/**
 * DescribeStreamSummary's input.
 */
export interface DescribeStreamSummaryRequest {
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
 * DescribeStreamSummary's input.
 */
export interface DescribeStreamSummaryRequest__Output {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName': (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn': (string);
}
