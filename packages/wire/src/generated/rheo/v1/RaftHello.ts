// Original file: proto/rheo/v1/internal.proto


/**
 * The first message each way on a RaftTransport stream.
 */
export interface RaftHello {
  /**
   * The cluster id fixed at bootstrap; a stream between clusters is refused.
   */
  'clusterId'?: (string);
  /**
   * The sending node.
   */
  'fromNodeId'?: (number);
  /**
   * The node the sender meant to reach (refused if it is not the receiver).
   */
  'toNodeId'?: (number);
  /**
   * Random id of the sending process's lifetime; a change tells the peer the sender restarted.
   */
  'incarnation'?: (string);
}

/**
 * The first message each way on a RaftTransport stream.
 */
export interface RaftHello__Output {
  /**
   * The cluster id fixed at bootstrap; a stream between clusters is refused.
   */
  'clusterId': (string);
  /**
   * The sending node.
   */
  'fromNodeId': (number);
  /**
   * The node the sender meant to reach (refused if it is not the receiver).
   */
  'toNodeId': (number);
  /**
   * Random id of the sending process's lifetime; a change tells the peer the sender restarted.
   */
  'incarnation': (string);
}
