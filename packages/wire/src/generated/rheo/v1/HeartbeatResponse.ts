// Original file: proto/rheo/v1/internal.proto

import type { NodeState as _rheo_v1_NodeState, NodeState__Output as _rheo_v1_NodeState__Output } from '../../rheo/v1/NodeState.js';
import type { ReplicaCommand as _rheo_v1_ReplicaCommand, ReplicaCommand__Output as _rheo_v1_ReplicaCommand__Output } from '../../rheo/v1/ReplicaCommand.js';
import type { Long } from '@grpc/proto-loader';

/**
 * Heartbeat's result.
 */
export interface HeartbeatResponse {
  /**
   * The active controller's node id.
   */
  'controllerNodeId'?: (number);
  /**
   * The metadata epoch (see GetShardMapResponse.epoch).
   */
  'epoch'?: (number | string | Long);
  /**
   * How often to heartbeat.
   */
  'heartbeatIntervalMs'?: (number);
  /**
   * The node's state on record (DRAINING tells it to take no new leaderships).
   */
  'state'?: (_rheo_v1_NodeState);
  /**
   * Work for the node, not yet reported done.
   */
  'commands'?: (_rheo_v1_ReplicaCommand)[];
}

/**
 * Heartbeat's result.
 */
export interface HeartbeatResponse__Output {
  /**
   * The active controller's node id.
   */
  'controllerNodeId': (number);
  /**
   * The metadata epoch (see GetShardMapResponse.epoch).
   */
  'epoch': (number);
  /**
   * How often to heartbeat.
   */
  'heartbeatIntervalMs': (number);
  /**
   * The node's state on record (DRAINING tells it to take no new leaderships).
   */
  'state': (_rheo_v1_NodeState__Output);
  /**
   * Work for the node, not yet reported done.
   */
  'commands': (_rheo_v1_ReplicaCommand__Output)[];
}
