// Original file: proto/rheo/v1/admin.proto

import type { Consumer as _rheo_v1_Consumer, Consumer__Output as _rheo_v1_Consumer__Output } from '../../rheo/v1/Consumer.js';

/**
 * RegisterStreamConsumer's result.
 */
export interface RegisterStreamConsumerResponse {
  /**
   * The new consumer, CREATING at first.
   */
  'consumer'?: (_rheo_v1_Consumer | null);
}

/**
 * RegisterStreamConsumer's result.
 */
export interface RegisterStreamConsumerResponse__Output {
  /**
   * The new consumer, CREATING at first.
   */
  'consumer': (_rheo_v1_Consumer__Output | null);
}
