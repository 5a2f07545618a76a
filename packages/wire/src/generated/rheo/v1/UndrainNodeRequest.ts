// Original file: proto/rheo/v1/cluster.proto


/**
 * UndrainNode's input.
 */
export interface UndrainNodeRequest {
  /**
   * The node to bring back.
   */
  'nodeId'?: (number);
}

/**
 * UndrainNode's input.
 */
export interface UndrainNodeRequest__Output {
  /**
   * The node to bring back.
   */
  'nodeId': (number);
}
