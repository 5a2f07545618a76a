// Original file: proto/rheo/v1/internal.proto

import type { ReplicaState as _rheo_v1_ReplicaState, ReplicaState__Output as _rheo_v1_ReplicaState__Output } from '../../rheo/v1/ReplicaState.js';
import type { ShardTraffic as _rheo_v1_ShardTraffic, ShardTraffic__Output as _rheo_v1_ShardTraffic__Output } from '../../rheo/v1/ShardTraffic.js';
import type { Long } from '@grpc/proto-loader';

/**
 * NodeHeartbeat's input: one node's report.
 */
export interface NodeHeartbeat {
  /**
   * The cluster id.
   */
  'clusterId'?: (string);
  /**
   * The reporting node.
   */
  'nodeId'?: (number);
  /**
   * Its current incarnation (as registered); a stale one is refused.
   */
  'incarnation'?: (string);
  /**
   * Sender's clock when sent, ms since the epoch (for skew diagnostics only; liveness uses the controller's clock).
   */
  'sentAtMs'?: (number | string | Long);
  /**
   * Every replica the node hosts.
   */
  'replicas'?: (_rheo_v1_ReplicaState)[];
  /**
   * Traffic of the shards it leads.
   */
  'traffic'?: (_rheo_v1_ShardTraffic)[];
  /**
   * Bytes of produce batches in flight on the node (against its bound).
   */
  'inflightBytes'?: (number | string | Long);
  /**
   * Free bytes on the data disk.
   */
  'diskFreeBytes'?: (number | string | Long);
  /**
   * Command ids done since the previous heartbeat (see ReplicaCommand).
   */
  'completedCommandIds'?: (number | string | Long)[];
}

/**
 * NodeHeartbeat's input: one node's report.
 */
export interface NodeHeartbeat__Output {
  /**
   * The cluster id.
   */
  'clusterId': (string);
  /**
   * The reporting node.
   */
  'nodeId': (number);
  /**
   * Its current incarnation (as registered); a stale one is refused.
   */
  'incarnation': (string);
  /**
   * Sender's clock when sent, ms since the epoch (for skew diagnostics only; liveness uses the controller's clock).
   */
  'sentAtMs': (number);
  /**
   * Every replica the node hosts.
   */
  'replicas': (_rheo_v1_ReplicaState__Output)[];
  /**
   * Traffic of the shards it leads.
   */
  'traffic': (_rheo_v1_ShardTraffic__Output)[];
  /**
   * Bytes of produce batches in flight on the node (against its bound).
   */
  'inflightBytes': (number);
  /**
   * Free bytes on the data disk.
   */
  'diskFreeBytes': (number);
  /**
   * Command ids done since the previous heartbeat (see ReplicaCommand).
   */
  'completedCommandIds': (number)[];
}
