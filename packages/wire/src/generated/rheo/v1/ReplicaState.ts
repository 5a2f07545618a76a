// Original file: proto/rheo/v1/internal.proto

import type { ReplicaRole as _rheo_v1_ReplicaRole, ReplicaRole__Output as _rheo_v1_ReplicaRole__Output } from '../../rheo/v1/ReplicaRole.js';
import type { RaftConfState as _rheo_v1_RaftConfState, RaftConfState__Output as _rheo_v1_RaftConfState__Output } from '../../rheo/v1/RaftConfState.js';
import type { PeerProgress as _rheo_v1_PeerProgress, PeerProgress__Output as _rheo_v1_PeerProgress__Output } from '../../rheo/v1/PeerProgress.js';
import type { Long } from '@grpc/proto-loader';

/**
 * One replica's state, for placement, repair and the shard map's leaders.
 */
export interface ReplicaState {
  /**
   * The Raft group.
   */
  'groupId'?: (number | string | Long);
  /**
   * The stream the shard belongs to; empty for the metadata group.
   */
  'streamName'?: (string);
  /**
   * The shard; empty for the metadata group.
   */
  'shardId'?: (string);
  /**
   * Raft role.
   */
  'role'?: (_rheo_v1_ReplicaRole);
  /**
   * Current term.
   */
  'term'?: (number | string | Long);
  /**
   * The leader this replica knows; 0 for none.
   */
  'leaderNodeId'?: (number);
  /**
   * Commit index.
   */
  'commitIndex'?: (number | string | Long);
  /**
   * Applied index.
   */
  'appliedIndex'?: (number | string | Long);
  /**
   * First retained log index (after retention trimming).
   */
  'firstIndex'?: (number | string | Long);
  /**
   * Last log index.
   */
  'lastIndex'?: (number | string | Long);
  /**
   * Membership as this replica knows it.
   */
  'confState'?: (_rheo_v1_RaftConfState | null);
  /**
   * True while the replica repairs a damaged log from its peers (it neither votes nor campaigns).
   */
  'needsRepair'?: (boolean);
  /**
   * Leaders only: each peer's progress, for the controller to see lag before promoting or removing.
   */
  'peers'?: (_rheo_v1_PeerProgress)[];
  /**
   * Bytes of log the replica stores.
   */
  'logBytes'?: (number | string | Long);
  /**
   * Set once the shard's closing entry has committed: its last sequence number (CLOSE_SHARD).
   */
  'endingSequenceNumber'?: (string);
}

/**
 * One replica's state, for placement, repair and the shard map's leaders.
 */
export interface ReplicaState__Output {
  /**
   * The Raft group.
   */
  'groupId': (number);
  /**
   * The stream the shard belongs to; empty for the metadata group.
   */
  'streamName': (string);
  /**
   * The shard; empty for the metadata group.
   */
  'shardId': (string);
  /**
   * Raft role.
   */
  'role': (_rheo_v1_ReplicaRole__Output);
  /**
   * Current term.
   */
  'term': (number);
  /**
   * The leader this replica knows; 0 for none.
   */
  'leaderNodeId': (number);
  /**
   * Commit index.
   */
  'commitIndex': (number);
  /**
   * Applied index.
   */
  'appliedIndex': (number);
  /**
   * First retained log index (after retention trimming).
   */
  'firstIndex': (number);
  /**
   * Last log index.
   */
  'lastIndex': (number);
  /**
   * Membership as this replica knows it.
   */
  'confState': (_rheo_v1_RaftConfState__Output | null);
  /**
   * True while the replica repairs a damaged log from its peers (it neither votes nor campaigns).
   */
  'needsRepair': (boolean);
  /**
   * Leaders only: each peer's progress, for the controller to see lag before promoting or removing.
   */
  'peers': (_rheo_v1_PeerProgress__Output)[];
  /**
   * Bytes of log the replica stores.
   */
  'logBytes': (number);
  /**
   * Set once the shard's closing entry has committed: its last sequence number (CLOSE_SHARD).
   */
  'endingSequenceNumber': (string);
}
