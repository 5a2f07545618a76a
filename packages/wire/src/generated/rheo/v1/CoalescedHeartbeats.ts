// Original file: proto/rheo/v1/internal.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Heartbeats (or their responses) of many groups in one compact form, as
 * parallel packed arrays: entry i of each array belongs to group_ids[i].
 * Sender and recipient are the stream's node pair. Only heartbeats with an
 * empty context are coalesced; those carrying a read-index context travel
 * as full GroupMessages.
 */
export interface CoalescedHeartbeats {
  /**
   * The groups.
   */
  'groupIds'?: (number | string | Long)[];
  /**
   * The sender's term in each group.
   */
  'terms'?: (number | string | Long)[];
  /**
   * Heartbeat: the commit index the leader sends each group's follower. Empty for responses.
   */
  'commits'?: (number | string | Long)[];
  /**
   * The Raft message's `index`: for a heartbeat, the leader's heartbeat round
   * (its tick), which the response echoes so the leader can measure its lease.
   */
  'indexes'?: (number | string | Long)[];
}

/**
 * Heartbeats (or their responses) of many groups in one compact form, as
 * parallel packed arrays: entry i of each array belongs to group_ids[i].
 * Sender and recipient are the stream's node pair. Only heartbeats with an
 * empty context are coalesced; those carrying a read-index context travel
 * as full GroupMessages.
 */
export interface CoalescedHeartbeats__Output {
  /**
   * The groups.
   */
  'groupIds': (number)[];
  /**
   * The sender's term in each group.
   */
  'terms': (number)[];
  /**
   * Heartbeat: the commit index the leader sends each group's follower. Empty for responses.
   */
  'commits': (number)[];
  /**
   * The Raft message's `index`: for a heartbeat, the leader's heartbeat round
   * (its tick), which the response echoes so the leader can measure its lease.
   */
  'indexes': (number)[];
}
