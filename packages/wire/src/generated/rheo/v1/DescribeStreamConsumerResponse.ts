// Original file: proto/rheo/v1/admin.proto

import type { Consumer as _rheo_v1_Consumer, Consumer__Output as _rheo_v1_Consumer__Output } from '../../rheo/v1/Consumer.js';

/**
 * DescribeStreamConsumer's result.
 */
export interface DescribeStreamConsumerResponse {
  /**
   * The consumer, with its stream's ARN.
   */
  'consumerDescription'?: (_rheo_v1_Consumer | null);
}

/**
 * DescribeStreamConsumer's result.
 */
export interface DescribeStreamConsumerResponse__Output {
  /**
   * The consumer, with its stream's ARN.
   */
  'consumerDescription': (_rheo_v1_Consumer__Output | null);
}
