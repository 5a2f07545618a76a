// Original file: proto/rheo/v1/internal.proto

import type { NodeState as _rheo_v1_NodeState, NodeState__Output as _rheo_v1_NodeState__Output } from '../../rheo/v1/NodeState.js';

/**
 * RegisterNode's result.
 */
export interface RegisterNodeResponse {
  /**
   * The active controller's node id.
   */
  'controllerNodeId'?: (number);
  /**
   * How often to heartbeat.
   */
  'heartbeatIntervalMs'?: (number);
  /**
   * The node's state on record (a restarted DRAINING node stays DRAINING).
   */
  'state'?: (_rheo_v1_NodeState);
}

/**
 * RegisterNode's result.
 */
export interface RegisterNodeResponse__Output {
  /**
   * The active controller's node id.
   */
  'controllerNodeId': (number);
  /**
   * How often to heartbeat.
   */
  'heartbeatIntervalMs': (number);
  /**
   * The node's state on record (a restarted DRAINING node stays DRAINING).
   */
  'state': (_rheo_v1_NodeState__Output);
}
