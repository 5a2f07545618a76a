// Original file: proto/rheo/v1/admin.proto

import type { StreamDescription as _rheo_v1_StreamDescription, StreamDescription__Output as _rheo_v1_StreamDescription__Output } from '../../rheo/v1/StreamDescription.js';

/**
 * DescribeStream's result.
 */
export interface DescribeStreamResponse {
  /**
   * The stream, with one page of shards.
   */
  'streamDescription'?: (_rheo_v1_StreamDescription | null);
}

/**
 * DescribeStream's result.
 */
export interface DescribeStreamResponse__Output {
  /**
   * The stream, with one page of shards.
   */
  'streamDescription': (_rheo_v1_StreamDescription__Output | null);
}
