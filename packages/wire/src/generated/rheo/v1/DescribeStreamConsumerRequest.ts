// Original file: proto/rheo/v1/admin.proto


/**
 * DescribeStreamConsumer's input: consumer_arn alone, or the stream and consumer_name.
 */
export interface DescribeStreamConsumerRequest {
  /**
   * The stream's ARN (with consumer_name).
   */
  'streamArn'?: (string);
  /**
   * The consumer's name (with stream_arn or stream_name).
   */
  'consumerName'?: (string);
  /**
   * The consumer's ARN (alone).
   */
  'consumerArn'?: (string);
  /**
   * Rheo extension: the stream's name, instead of stream_arn.
   */
  'streamName'?: (string);
}

/**
 * DescribeStreamConsumer's input: consumer_arn alone, or the stream and consumer_name.
 */
export interface DescribeStreamConsumerRequest__Output {
  /**
   * The stream's ARN (with consumer_name).
   */
  'streamArn': (string);
  /**
   * The consumer's name (with stream_arn or stream_name).
   */
  'consumerName': (string);
  /**
   * The consumer's ARN (alone).
   */
  'consumerArn': (string);
  /**
   * Rheo extension: the stream's name, instead of stream_arn.
   */
  'streamName': (string);
}
