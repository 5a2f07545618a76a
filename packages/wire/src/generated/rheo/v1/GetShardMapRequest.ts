// Original file: proto/rheo/v1/cluster.proto

import type { Long } from '@grpc/proto-loader';

/**
 * GetShardMap's input.
 */
export interface GetShardMapRequest {
  /**
   * Streams to include; empty for all.
   */
  'streamNames'?: (string)[];
  /**
   * The epoch of the caller's cached map; when the map has not changed since, the answer is
   * `unchanged` with no content. 0 always gets the full map.
   */
  'knownEpoch'?: (number | string | Long);
}

/**
 * GetShardMap's input.
 */
export interface GetShardMapRequest__Output {
  /**
   * Streams to include; empty for all.
   */
  'streamNames': (string)[];
  /**
   * The epoch of the caller's cached map; when the map has not changed since, the answer is
   * `unchanged` with no content. 0 always gets the full map.
   */
  'knownEpoch': (number);
}
