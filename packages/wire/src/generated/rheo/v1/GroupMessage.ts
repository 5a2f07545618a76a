// Original file: proto/rheo/v1/internal.proto

import type { RaftMessage as _rheo_v1_RaftMessage, RaftMessage__Output as _rheo_v1_RaftMessage__Output } from '../../rheo/v1/RaftMessage.js';
import type { Long } from '@grpc/proto-loader';

/**
 * A Raft message and the group it belongs to.
 */
export interface GroupMessage {
  /**
   * Cluster-wide Raft group id, assigned by the controller. 0 is never valid (proto3's unset
   * value); 1 is the metadata group; shard groups are 2 and up.
   */
  'groupId'?: (number | string | Long);
  /**
   * The message.
   */
  'message'?: (_rheo_v1_RaftMessage | null);
}

/**
 * A Raft message and the group it belongs to.
 */
export interface GroupMessage__Output {
  /**
   * Cluster-wide Raft group id, assigned by the controller. 0 is never valid (proto3's unset
   * value); 1 is the metadata group; shard groups are 2 and up.
   */
  'groupId': (number);
  /**
   * The message.
   */
  'message': (_rheo_v1_RaftMessage__Output | null);
}
