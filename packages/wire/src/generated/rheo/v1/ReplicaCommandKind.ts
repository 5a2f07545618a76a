// Original file: proto/rheo/v1/internal.proto

/**
 * What the controller asks a node to do to one replica.
 */
export const ReplicaCommandKind = {
  /**
   * Invalid; present because proto3 needs a zero value.
   */
  REPLICA_COMMAND_KIND_UNSPECIFIED: 'REPLICA_COMMAND_KIND_UNSPECIFIED',
  /**
   * Create a replica of a group on this node with the given membership (a new shard, or a learner to be added).
   */
  REPLICA_COMMAND_KIND_CREATE_REPLICA: 'REPLICA_COMMAND_KIND_CREATE_REPLICA',
  /**
   * Delete this node's replica and its data (removed member, deleted stream, trimmed closed shard).
   */
  REPLICA_COMMAND_KIND_DELETE_REPLICA: 'REPLICA_COMMAND_KIND_DELETE_REPLICA',
  /**
   * As the group's leader: transfer leadership to target_node_id.
   */
  REPLICA_COMMAND_KIND_TRANSFER_LEADER: 'REPLICA_COMMAND_KIND_TRANSFER_LEADER',
  /**
   * As the group's leader: propose the membership change to conf_state.
   */
  REPLICA_COMMAND_KIND_CHANGE_MEMBERSHIP: 'REPLICA_COMMAND_KIND_CHANGE_MEMBERSHIP',
  /**
   * As the shard's leader: commit a closing entry (for a split or merge); no write is accepted
   * after it, and its ending sequence number is reported in ReplicaState.
   */
  REPLICA_COMMAND_KIND_CLOSE_SHARD: 'REPLICA_COMMAND_KIND_CLOSE_SHARD',
} as const;

/**
 * What the controller asks a node to do to one replica.
 */
export type ReplicaCommandKind =
  /**
   * Invalid; present because proto3 needs a zero value.
   */
  | 'REPLICA_COMMAND_KIND_UNSPECIFIED'
  | 0
  /**
   * Create a replica of a group on this node with the given membership (a new shard, or a learner to be added).
   */
  | 'REPLICA_COMMAND_KIND_CREATE_REPLICA'
  | 1
  /**
   * Delete this node's replica and its data (removed member, deleted stream, trimmed closed shard).
   */
  | 'REPLICA_COMMAND_KIND_DELETE_REPLICA'
  | 2
  /**
   * As the group's leader: transfer leadership to target_node_id.
   */
  | 'REPLICA_COMMAND_KIND_TRANSFER_LEADER'
  | 3
  /**
   * As the group's leader: propose the membership change to conf_state.
   */
  | 'REPLICA_COMMAND_KIND_CHANGE_MEMBERSHIP'
  | 4
  /**
   * As the shard's leader: commit a closing entry (for a split or merge); no write is accepted
   * after it, and its ending sequence number is reported in ReplicaState.
   */
  | 'REPLICA_COMMAND_KIND_CLOSE_SHARD'
  | 5

/**
 * What the controller asks a node to do to one replica.
 */
export type ReplicaCommandKind__Output = typeof ReplicaCommandKind[keyof typeof ReplicaCommandKind]
