// Original file: proto/rheo/v1/internal.proto

import type { ReplicaCommandKind as _rheo_v1_ReplicaCommandKind, ReplicaCommandKind__Output as _rheo_v1_ReplicaCommandKind__Output } from '../../rheo/v1/ReplicaCommandKind.js';
import type { HashKeyRange as _rheo_v1_HashKeyRange, HashKeyRange__Output as _rheo_v1_HashKeyRange__Output } from '../../rheo/v1/HashKeyRange.js';
import type { RaftConfState as _rheo_v1_RaftConfState, RaftConfState__Output as _rheo_v1_RaftConfState__Output } from '../../rheo/v1/RaftConfState.js';
import type { Long } from '@grpc/proto-loader';

/**
 * One command for one replica, repeated in every answer until the node reports it done.
 */
export interface ReplicaCommand {
  /**
   * Unique id, so the node applies a command once and reports it in completed_command_ids.
   */
  'commandId'?: (number | string | Long);
  /**
   * What to do.
   */
  'kind'?: (_rheo_v1_ReplicaCommandKind);
  /**
   * The Raft group.
   */
  'groupId'?: (number | string | Long);
  /**
   * The stream (CREATE_REPLICA).
   */
  'streamName'?: (string);
  /**
   * The shard (CREATE_REPLICA, CLOSE_SHARD).
   */
  'shardId'?: (string);
  /**
   * The shard's hash range (CREATE_REPLICA).
   */
  'hashKeyRange'?: (_rheo_v1_HashKeyRange | null);
  /**
   * The starting sequence-number base of the shard (CREATE_REPLICA of a new shard).
   */
  'startingSequenceNumber'?: (string);
  /**
   * Membership: initial (CREATE_REPLICA) or target (CHANGE_MEMBERSHIP).
   */
  'confState'?: (_rheo_v1_RaftConfState | null);
  /**
   * The node to hand leadership to (TRANSFER_LEADER).
   */
  'targetNodeId'?: (number);
}

/**
 * One command for one replica, repeated in every answer until the node reports it done.
 */
export interface ReplicaCommand__Output {
  /**
   * Unique id, so the node applies a command once and reports it in completed_command_ids.
   */
  'commandId': (number);
  /**
   * What to do.
   */
  'kind': (_rheo_v1_ReplicaCommandKind__Output);
  /**
   * The Raft group.
   */
  'groupId': (number);
  /**
   * The stream (CREATE_REPLICA).
   */
  'streamName': (string);
  /**
   * The shard (CREATE_REPLICA, CLOSE_SHARD).
   */
  'shardId': (string);
  /**
   * The shard's hash range (CREATE_REPLICA).
   */
  'hashKeyRange': (_rheo_v1_HashKeyRange__Output | null);
  /**
   * The starting sequence-number base of the shard (CREATE_REPLICA of a new shard).
   */
  'startingSequenceNumber': (string);
  /**
   * Membership: initial (CREATE_REPLICA) or target (CHANGE_MEMBERSHIP).
   */
  'confState': (_rheo_v1_RaftConfState__Output | null);
  /**
   * The node to hand leadership to (TRANSFER_LEADER).
   */
  'targetNodeId': (number);
}
