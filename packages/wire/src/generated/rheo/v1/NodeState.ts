// Original file: proto/rheo/v1/cluster.proto

/**
 * A node's health and placement state, as the active controller sees it.
 */
export const NodeState = {
  /**
   * Never sent; present because proto3 needs a zero value.
   */
  NODE_STATE_UNSPECIFIED: 'NODE_STATE_UNSPECIFIED',
  /**
   * Heartbeating; takes new replicas.
   */
  NODE_STATE_ALIVE: 'NODE_STATE_ALIVE',
  /**
   * Missed recent heartbeats, within the grace period; its replicas stay.
   */
  NODE_STATE_SUSPECT: 'NODE_STATE_SUSPECT',
  /**
   * Gone past the grace period; its replicas are being re-created elsewhere.
   */
  NODE_STATE_DEAD: 'NODE_STATE_DEAD',
  /**
   * Its leaders and replicas are being moved away; takes none.
   */
  NODE_STATE_DRAINING: 'NODE_STATE_DRAINING',
  /**
   * Hosts nothing; safe to stop and remove.
   */
  NODE_STATE_DRAINED: 'NODE_STATE_DRAINED',
} as const;

/**
 * A node's health and placement state, as the active controller sees it.
 */
export type NodeState =
  /**
   * Never sent; present because proto3 needs a zero value.
   */
  | 'NODE_STATE_UNSPECIFIED'
  | 0
  /**
   * Heartbeating; takes new replicas.
   */
  | 'NODE_STATE_ALIVE'
  | 1
  /**
   * Missed recent heartbeats, within the grace period; its replicas stay.
   */
  | 'NODE_STATE_SUSPECT'
  | 2
  /**
   * Gone past the grace period; its replicas are being re-created elsewhere.
   */
  | 'NODE_STATE_DEAD'
  | 3
  /**
   * Its leaders and replicas are being moved away; takes none.
   */
  | 'NODE_STATE_DRAINING'
  | 4
  /**
   * Hosts nothing; safe to stop and remove.
   */
  | 'NODE_STATE_DRAINED'
  | 5

/**
 * A node's health and placement state, as the active controller sees it.
 */
export type NodeState__Output = typeof NodeState[keyof typeof NodeState]
