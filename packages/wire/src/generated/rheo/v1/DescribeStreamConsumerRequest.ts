// Original file: proto/rheo/v1/admin.proto


/**
 * DescribeStreamConsumer's input: consumer_arn alone, or stream_arn and consumer_name.
 */
export interface DescribeStreamConsumerRequest {
  /**
   * The stream's ARN (with consumer_name).
   */
  'streamArn'?: (string);
  /**
   * The consumer's name (with stream_arn).
   */
  'consumerName'?: (string);
  /**
   * The consumer's ARN (alone).
   */
  'consumerArn'?: (string);
}

/**
 * DescribeStreamConsumer's input: consumer_arn alone, or stream_arn and consumer_name.
 */
export interface DescribeStreamConsumerRequest__Output {
  /**
   * The stream's ARN (with consumer_name).
   */
  'streamArn': (string);
  /**
   * The consumer's name (with stream_arn).
   */
  'consumerName': (string);
  /**
   * The consumer's ARN (alone).
   */
  'consumerArn': (string);
}
