// Original file: proto/rheo/v1/admin.proto

import type { StreamDescriptionSummary as _rheo_v1_StreamDescriptionSummary, StreamDescriptionSummary__Output as _rheo_v1_StreamDescriptionSummary__Output } from '../../rheo/v1/StreamDescriptionSummary.js';

/**
 * DescribeStreamSummary's result.
 */
export interface DescribeStreamSummaryResponse {
  /**
   * The stream without shards.
   */
  'streamDescriptionSummary'?: (_rheo_v1_StreamDescriptionSummary | null);
}

/**
 * DescribeStreamSummary's result.
 */
export interface DescribeStreamSummaryResponse__Output {
  /**
   * The stream without shards.
   */
  'streamDescriptionSummary': (_rheo_v1_StreamDescriptionSummary__Output | null);
}
