// Original file: proto/rheo/v1/cluster.proto


/**
 * RemoveNode's input.
 */
export interface RemoveNodeRequest {
  /**
   * The node to forget (DRAINED or DEAD with no replicas left).
   */
  'nodeId'?: (number);
}

/**
 * RemoveNode's input.
 */
export interface RemoveNodeRequest__Output {
  /**
   * The node to forget (DRAINED or DEAD with no replicas left).
   */
  'nodeId': (number);
}
