// Original file: proto/rheo/v1/cluster.proto

import type { HashKeyRange as _rheo_v1_HashKeyRange, HashKeyRange__Output as _rheo_v1_HashKeyRange__Output } from '../../rheo/v1/HashKeyRange.js';
import type { Long } from '@grpc/proto-loader';

/**
 * One shard as routing needs it.
 */
export interface ShardRoute {
  /**
   * The shard's id.
   */
  'shardId'?: (string);
  /**
   * The hash keys it takes (records route here when their hash key is in range and the shard is open).
   */
  'hashKeyRange'?: (_rheo_v1_HashKeyRange | null);
  /**
   * False once the shard is closed by a split or merge (readable, not writable).
   */
  'open'?: (boolean);
  /**
   * The id of the shard's Raft group (cluster-wide; see internal.proto).
   */
  'groupId'?: (number | string | Long);
  /**
   * Node ids of the replicas (voters), sorted.
   */
  'replicaNodeIds'?: (number)[];
  /**
   * The current leader's node id; 0 when none is known (retry after a refresh).
   */
  'leaderNodeId'?: (number);
  /**
   * The term of that leadership; a higher term wins between two reports.
   */
  'leaderTerm'?: (number | string | Long);
}

/**
 * One shard as routing needs it.
 */
export interface ShardRoute__Output {
  /**
   * The shard's id.
   */
  'shardId': (string);
  /**
   * The hash keys it takes (records route here when their hash key is in range and the shard is open).
   */
  'hashKeyRange': (_rheo_v1_HashKeyRange__Output | null);
  /**
   * False once the shard is closed by a split or merge (readable, not writable).
   */
  'open': (boolean);
  /**
   * The id of the shard's Raft group (cluster-wide; see internal.proto).
   */
  'groupId': (number);
  /**
   * Node ids of the replicas (voters), sorted.
   */
  'replicaNodeIds': (number)[];
  /**
   * The current leader's node id; 0 when none is known (retry after a refresh).
   */
  'leaderNodeId': (number);
  /**
   * The term of that leadership; a higher term wins between two reports.
   */
  'leaderTerm': (number);
}
