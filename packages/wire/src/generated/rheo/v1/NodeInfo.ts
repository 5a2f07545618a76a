// Original file: proto/rheo/v1/cluster.proto

import type { NodeRole as _rheo_v1_NodeRole, NodeRole__Output as _rheo_v1_NodeRole__Output } from '../../rheo/v1/NodeRole.js';
import type { NodeState as _rheo_v1_NodeState, NodeState__Output as _rheo_v1_NodeState__Output } from '../../rheo/v1/NodeState.js';
import type { Long } from '@grpc/proto-loader';

/**
 * A node of the cluster.
 */
export interface NodeInfo {
  /**
   * The node's id: a small positive integer, unique in the cluster, also its Raft id in every group.
   */
  'nodeId'?: (number);
  /**
   * host:port of its gRPC server (every service in this package).
   */
  'address'?: (string);
  /**
   * host:port of its Kinesis-compatible HTTP gateway; empty when not served.
   */
  'gatewayAddress'?: (string);
  /**
   * Its roles.
   */
  'roles'?: (_rheo_v1_NodeRole)[];
  /**
   * Rack or zone label for spreading replicas; empty when none.
   */
  'rack'?: (string);
  /**
   * Health and placement state.
   */
  'state'?: (_rheo_v1_NodeState);
  /**
   * Shard replicas it hosts.
   */
  'replicaCount'?: (number);
  /**
   * Shards it leads.
   */
  'leaderCount'?: (number);
  /**
   * When the active controller last heard from it, ms since the epoch (its clock; its take-over time
   * until then); 0 when the answering node is not the active controller.
   */
  'lastHeartbeatMs'?: (number | string | Long);
}

/**
 * A node of the cluster.
 */
export interface NodeInfo__Output {
  /**
   * The node's id: a small positive integer, unique in the cluster, also its Raft id in every group.
   */
  'nodeId': (number);
  /**
   * host:port of its gRPC server (every service in this package).
   */
  'address': (string);
  /**
   * host:port of its Kinesis-compatible HTTP gateway; empty when not served.
   */
  'gatewayAddress': (string);
  /**
   * Its roles.
   */
  'roles': (_rheo_v1_NodeRole__Output)[];
  /**
   * Rack or zone label for spreading replicas; empty when none.
   */
  'rack': (string);
  /**
   * Health and placement state.
   */
  'state': (_rheo_v1_NodeState__Output);
  /**
   * Shard replicas it hosts.
   */
  'replicaCount': (number);
  /**
   * Shards it leads.
   */
  'leaderCount': (number);
  /**
   * When the active controller last heard from it, ms since the epoch (its clock; its take-over time
   * until then); 0 when the answering node is not the active controller.
   */
  'lastHeartbeatMs': (number);
}
