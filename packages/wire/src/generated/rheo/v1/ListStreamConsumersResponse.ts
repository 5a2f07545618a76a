// Original file: proto/rheo/v1/admin.proto

import type { Consumer as _rheo_v1_Consumer, Consumer__Output as _rheo_v1_Consumer__Output } from '../../rheo/v1/Consumer.js';

/**
 * ListStreamConsumers' result.
 */
export interface ListStreamConsumersResponse {
  /**
   * One page of consumers.
   */
  'consumers'?: (_rheo_v1_Consumer)[];
  /**
   * Opaque token for the next page; empty on the last.
   */
  'nextToken'?: (string);
}

/**
 * ListStreamConsumers' result.
 */
export interface ListStreamConsumersResponse__Output {
  /**
   * One page of consumers.
   */
  'consumers': (_rheo_v1_Consumer__Output)[];
  /**
   * Opaque token for the next page; empty on the last.
   */
  'nextToken': (string);
}
