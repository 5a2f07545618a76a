// Original file: proto/rheo/v1/admin.proto

import type { Long } from '@grpc/proto-loader';

/**
 * ListStreamConsumers' input.
 */
export interface ListStreamConsumersRequest {
  /**
   * The stream's ARN.
   */
  'streamArn'?: (string);
  /**
   * The previous page's next_token.
   */
  'nextToken'?: (string);
  /**
   * Most consumers to return (1..10000); 0 means 100.
   */
  'maxResults'?: (number);
  /**
   * Tells apart two streams that had the same name.
   */
  'streamCreationTimestampMs'?: (number | string | Long);
  /**
   * Rheo extension: the stream's name, instead of stream_arn.
   */
  'streamName'?: (string);
}

/**
 * ListStreamConsumers' input.
 */
export interface ListStreamConsumersRequest__Output {
  /**
   * The stream's ARN.
   */
  'streamArn': (string);
  /**
   * The previous page's next_token.
   */
  'nextToken': (string);
  /**
   * Most consumers to return (1..10000); 0 means 100.
   */
  'maxResults': (number);
  /**
   * Tells apart two streams that had the same name.
   */
  'streamCreationTimestampMs': (number);
  /**
   * Rheo extension: the stream's name, instead of stream_arn.
   */
  'streamName': (string);
}
