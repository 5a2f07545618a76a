// Original file: proto/rheo/v1/admin.proto


/**
 * RegisterStreamConsumer's input.
 */
export interface RegisterStreamConsumerRequest {
  /**
   * The stream's ARN (Kinesis requires the ARN; Rheo also accepts stream_name).
   */
  'streamArn'?: (string);
  /**
   * The new consumer's name.
   */
  'consumerName'?: (string);
  /**
   * Tags to set on the consumer.
   */
  'tags'?: ({[key: string]: string});
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName'?: (string);
}

/**
 * RegisterStreamConsumer's input.
 */
export interface RegisterStreamConsumerRequest__Output {
  /**
   * The stream's ARN (Kinesis requires the ARN; Rheo also accepts stream_name).
   */
  'streamArn': (string);
  /**
   * The new consumer's name.
   */
  'consumerName': (string);
  /**
   * Tags to set on the consumer.
   */
  'tags': ({[key: string]: string});
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName': (string);
}
