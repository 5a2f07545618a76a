// Original file: proto/rheo/v1/internal.proto

import type { Long } from '@grpc/proto-loader';

/**
 * FetchMetadata's result.
 */
export interface FetchMetadataResponse {
  /**
   * The metadata epoch (the metadata group's applied index) the state reflects.
   */
  'epoch'?: (number | string | Long);
  /**
   * True when known_epoch is current: `state` is empty.
   */
  'unchanged'?: (boolean);
  /**
   * The metadata state in its snapshot encoding (@rheo/controller MetaState.encode).
   */
  'state'?: (Buffer | Uint8Array | string);
}

/**
 * FetchMetadata's result.
 */
export interface FetchMetadataResponse__Output {
  /**
   * The metadata epoch (the metadata group's applied index) the state reflects.
   */
  'epoch': (number);
  /**
   * True when known_epoch is current: `state` is empty.
   */
  'unchanged': (boolean);
  /**
   * The metadata state in its snapshot encoding (@rheo/controller MetaState.encode).
   */
  'state': (Buffer);
}
