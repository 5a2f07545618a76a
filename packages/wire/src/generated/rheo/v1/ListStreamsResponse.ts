// Original file: proto/rheo/v1/admin.proto

import type { StreamSummary as _rheo_v1_StreamSummary, StreamSummary__Output as _rheo_v1_StreamSummary__Output } from '../../rheo/v1/StreamSummary.js';

/**
 * ListStreams' result.
 */
export interface ListStreamsResponse {
  /**
   * Stream names, sorted.
   */
  'streamNames'?: (string)[];
  /**
   * True when more streams follow.
   */
  'hasMoreStreams'?: (boolean);
  /**
   * Opaque token for the next page; empty on the last page. Expires after 5 minutes (ExpiredNextTokenException).
   */
  'nextToken'?: (string);
  /**
   * One summary per name, in the same order.
   */
  'streamSummaries'?: (_rheo_v1_StreamSummary)[];
}

/**
 * ListStreams' result.
 */
export interface ListStreamsResponse__Output {
  /**
   * Stream names, sorted.
   */
  'streamNames': (string)[];
  /**
   * True when more streams follow.
   */
  'hasMoreStreams': (boolean);
  /**
   * Opaque token for the next page; empty on the last page. Expires after 5 minutes (ExpiredNextTokenException).
   */
  'nextToken': (string);
  /**
   * One summary per name, in the same order.
   */
  'streamSummaries': (_rheo_v1_StreamSummary__Output)[];
}
