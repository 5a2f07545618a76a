// Original file: proto/rheo/v1/internal.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A leader's view of one peer's replication.
 */
export interface PeerProgress {
  /**
   * The peer.
   */
  'nodeId'?: (number);
  /**
   * Highest log index known to match the leader's.
   */
  'matchIndex'?: (number | string | Long);
  /**
   * True if the peer answered within the last election timeout.
   */
  'recentActive'?: (boolean);
}

/**
 * A leader's view of one peer's replication.
 */
export interface PeerProgress__Output {
  /**
   * The peer.
   */
  'nodeId': (number);
  /**
   * Highest log index known to match the leader's.
   */
  'matchIndex': (number);
  /**
   * True if the peer answered within the last election timeout.
   */
  'recentActive': (boolean);
}
