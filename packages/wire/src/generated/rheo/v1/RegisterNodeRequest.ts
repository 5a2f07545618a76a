// Original file: proto/rheo/v1/internal.proto

import type { NodeRole as _rheo_v1_NodeRole, NodeRole__Output as _rheo_v1_NodeRole__Output } from '../../rheo/v1/NodeRole.js';

/**
 * RegisterNode's input.
 */
export interface RegisterNodeRequest {
  /**
   * The cluster the node belongs to; a mismatch is refused.
   */
  'clusterId'?: (string);
  /**
   * The node's configured id.
   */
  'nodeId'?: (number);
  /**
   * Random id of this process's lifetime (a restart registers anew with another).
   */
  'incarnation'?: (string);
  /**
   * host:port of its gRPC server.
   */
  'address'?: (string);
  /**
   * host:port of its Kinesis-compatible gateway; empty when none.
   */
  'gatewayAddress'?: (string);
  /**
   * Its roles.
   */
  'roles'?: (_rheo_v1_NodeRole)[];
  /**
   * Rack or zone label; empty when none.
   */
  'rack'?: (string);
}

/**
 * RegisterNode's input.
 */
export interface RegisterNodeRequest__Output {
  /**
   * The cluster the node belongs to; a mismatch is refused.
   */
  'clusterId': (string);
  /**
   * The node's configured id.
   */
  'nodeId': (number);
  /**
   * Random id of this process's lifetime (a restart registers anew with another).
   */
  'incarnation': (string);
  /**
   * host:port of its gRPC server.
   */
  'address': (string);
  /**
   * host:port of its Kinesis-compatible gateway; empty when none.
   */
  'gatewayAddress': (string);
  /**
   * Its roles.
   */
  'roles': (_rheo_v1_NodeRole__Output)[];
  /**
   * Rack or zone label; empty when none.
   */
  'rack': (string);
}
