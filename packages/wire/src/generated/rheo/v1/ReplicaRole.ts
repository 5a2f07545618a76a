// Original file: proto/rheo/v1/internal.proto

/**
 * A Raft role as a replica reports it (types.ts Role, plus learner).
 */
export const ReplicaRole = {
  /**
   * Unknown; present because proto3 needs a zero value.
   */
  REPLICA_ROLE_UNSPECIFIED: 'REPLICA_ROLE_UNSPECIFIED',
  /**
   * Following a leader.
   */
  REPLICA_ROLE_FOLLOWER: 'REPLICA_ROLE_FOLLOWER',
  /**
   * Pre-vote phase of a campaign.
   */
  REPLICA_ROLE_PRE_CANDIDATE: 'REPLICA_ROLE_PRE_CANDIDATE',
  /**
   * Campaigning.
   */
  REPLICA_ROLE_CANDIDATE: 'REPLICA_ROLE_CANDIDATE',
  /**
   * Leading the group.
   */
  REPLICA_ROLE_LEADER: 'REPLICA_ROLE_LEADER',
  /**
   * A non-voting member catching up.
   */
  REPLICA_ROLE_LEARNER: 'REPLICA_ROLE_LEARNER',
} as const;

/**
 * A Raft role as a replica reports it (types.ts Role, plus learner).
 */
export type ReplicaRole =
  /**
   * Unknown; present because proto3 needs a zero value.
   */
  | 'REPLICA_ROLE_UNSPECIFIED'
  | 0
  /**
   * Following a leader.
   */
  | 'REPLICA_ROLE_FOLLOWER'
  | 1
  /**
   * Pre-vote phase of a campaign.
   */
  | 'REPLICA_ROLE_PRE_CANDIDATE'
  | 2
  /**
   * Campaigning.
   */
  | 'REPLICA_ROLE_CANDIDATE'
  | 3
  /**
   * Leading the group.
   */
  | 'REPLICA_ROLE_LEADER'
  | 4
  /**
   * A non-voting member catching up.
   */
  | 'REPLICA_ROLE_LEARNER'
  | 5

/**
 * A Raft role as a replica reports it (types.ts Role, plus learner).
 */
export type ReplicaRole__Output = typeof ReplicaRole[keyof typeof ReplicaRole]
