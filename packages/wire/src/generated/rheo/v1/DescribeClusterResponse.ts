// Original file: proto/rheo/v1/cluster.proto

import type { NodeInfo as _rheo_v1_NodeInfo, NodeInfo__Output as _rheo_v1_NodeInfo__Output } from '../../rheo/v1/NodeInfo.js';
import type { Long } from '@grpc/proto-loader';

/**
 * DescribeCluster's result.
 */
export interface DescribeClusterResponse {
  /**
   * The cluster's id, fixed at bootstrap.
   */
  'clusterId'?: (string);
  /**
   * The active controller (metadata group leader); 0 when none is known.
   */
  'controllerNodeId'?: (number);
  /**
   * Every node, sorted by id.
   */
  'nodes'?: (_rheo_v1_NodeInfo)[];
  /**
   * Shards with fewer live replicas than their replication factor.
   */
  'underReplicatedShardCount'?: (number);
  /**
   * Shards with no known leader.
   */
  'leaderlessShardCount'?: (number);
  /**
   * The metadata version this answer reflects (see GetShardMapResponse.epoch).
   */
  'epoch'?: (number | string | Long);
}

/**
 * DescribeCluster's result.
 */
export interface DescribeClusterResponse__Output {
  /**
   * The cluster's id, fixed at bootstrap.
   */
  'clusterId': (string);
  /**
   * The active controller (metadata group leader); 0 when none is known.
   */
  'controllerNodeId': (number);
  /**
   * Every node, sorted by id.
   */
  'nodes': (_rheo_v1_NodeInfo__Output)[];
  /**
   * Shards with fewer live replicas than their replication factor.
   */
  'underReplicatedShardCount': (number);
  /**
   * Shards with no known leader.
   */
  'leaderlessShardCount': (number);
  /**
   * The metadata version this answer reflects (see GetShardMapResponse.epoch).
   */
  'epoch': (number);
}
