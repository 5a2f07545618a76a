// Original file: proto/rheo/v1/internal.proto

import type { RaftHello as _rheo_v1_RaftHello, RaftHello__Output as _rheo_v1_RaftHello__Output } from '../../rheo/v1/RaftHello.js';
import type { GroupMessage as _rheo_v1_GroupMessage, GroupMessage__Output as _rheo_v1_GroupMessage__Output } from '../../rheo/v1/GroupMessage.js';
import type { CoalescedHeartbeats as _rheo_v1_CoalescedHeartbeats, CoalescedHeartbeats__Output as _rheo_v1_CoalescedHeartbeats__Output } from '../../rheo/v1/CoalescedHeartbeats.js';

/**
 * One message on a RaftTransport stream: everything one node has for the
 * other at one flush, batched so that many groups cost one write.
 */
export interface RaftBatch {
  /**
   * Set on the first message each way only.
   */
  'hello'?: (_rheo_v1_RaftHello | null);
  /**
   * Full messages (appends, votes, snapshots, responses), each with its group.
   */
  'messages'?: (_rheo_v1_GroupMessage)[];
  /**
   * Coalesced leader heartbeats.
   */
  'heartbeats'?: (_rheo_v1_CoalescedHeartbeats | null);
  /**
   * Coalesced heartbeat responses.
   */
  'heartbeatResponses'?: (_rheo_v1_CoalescedHeartbeats | null);
}

/**
 * One message on a RaftTransport stream: everything one node has for the
 * other at one flush, batched so that many groups cost one write.
 */
export interface RaftBatch__Output {
  /**
   * Set on the first message each way only.
   */
  'hello': (_rheo_v1_RaftHello__Output | null);
  /**
   * Full messages (appends, votes, snapshots, responses), each with its group.
   */
  'messages': (_rheo_v1_GroupMessage__Output)[];
  /**
   * Coalesced leader heartbeats.
   */
  'heartbeats': (_rheo_v1_CoalescedHeartbeats__Output | null);
  /**
   * Coalesced heartbeat responses.
   */
  'heartbeatResponses': (_rheo_v1_CoalescedHeartbeats__Output | null);
}
