// Original file: proto/rheo/v1/cluster.proto


/**
 * DrainNode's input.
 */
export interface DrainNodeRequest {
  /**
   * The node to drain.
   */
  'nodeId'?: (number);
}

/**
 * DrainNode's input.
 */
export interface DrainNodeRequest__Output {
  /**
   * The node to drain.
   */
  'nodeId': (number);
}
