// Original file: proto/rheo/v1/internal.proto

import type { Long } from '@grpc/proto-loader';

/**
 * FetchMetadata's input.
 */
export interface FetchMetadataRequest {
  /**
   * The cluster id.
   */
  'clusterId'?: (string);
  /**
   * The epoch of the caller's mirror; when current, the answer is `unchanged` and carries no state.
   */
  'knownEpoch'?: (number | string | Long);
}

/**
 * FetchMetadata's input.
 */
export interface FetchMetadataRequest__Output {
  /**
   * The cluster id.
   */
  'clusterId': (string);
  /**
   * The epoch of the caller's mirror; when current, the answer is `unchanged` and carries no state.
   */
  'knownEpoch': (number);
}
