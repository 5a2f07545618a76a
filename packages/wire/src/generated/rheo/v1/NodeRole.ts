// Original file: proto/rheo/v1/cluster.proto

/**
 * What a node process does (a node may have both roles).
 */
export const NodeRole = {
  /**
   * Invalid; present because proto3 needs a zero value.
   */
  NODE_ROLE_UNSPECIFIED: 'NODE_ROLE_UNSPECIFIED',
  /**
   * Hosts shard replicas and serves clients.
   */
  NODE_ROLE_BROKER: 'NODE_ROLE_BROKER',
  /**
   * A voter of the metadata group; its leader is the active controller.
   */
  NODE_ROLE_CONTROLLER: 'NODE_ROLE_CONTROLLER',
} as const;

/**
 * What a node process does (a node may have both roles).
 */
export type NodeRole =
  /**
   * Invalid; present because proto3 needs a zero value.
   */
  | 'NODE_ROLE_UNSPECIFIED'
  | 0
  /**
   * Hosts shard replicas and serves clients.
   */
  | 'NODE_ROLE_BROKER'
  | 1
  /**
   * A voter of the metadata group; its leader is the active controller.
   */
  | 'NODE_ROLE_CONTROLLER'
  | 2

/**
 * What a node process does (a node may have both roles).
 */
export type NodeRole__Output = typeof NodeRole[keyof typeof NodeRole]
