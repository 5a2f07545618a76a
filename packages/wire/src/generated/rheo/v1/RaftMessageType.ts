// Original file: proto/rheo/v1/internal.proto

/**
 * Raft message types, numbered as MessageType in packages/raft/src/types.ts
 * (so the zero value is HUP, not UNSPECIFIED). Local types never travel: a
 * receiver drops them.
 */
export const RaftMessageType = {
  /**
   * Local: election timeout elapsed.
   */
  RAFT_MESSAGE_TYPE_HUP: 'RAFT_MESSAGE_TYPE_HUP',
  /**
   * Local: leader sends heartbeats.
   */
  RAFT_MESSAGE_TYPE_BEAT: 'RAFT_MESSAGE_TYPE_BEAT',
  /**
   * Local: a proposal.
   */
  RAFT_MESSAGE_TYPE_PROP: 'RAFT_MESSAGE_TYPE_PROP',
  /**
   * Append entries.
   */
  RAFT_MESSAGE_TYPE_APP: 'RAFT_MESSAGE_TYPE_APP',
  /**
   * Append response.
   */
  RAFT_MESSAGE_TYPE_APP_RESP: 'RAFT_MESSAGE_TYPE_APP_RESP',
  /**
   * Vote request.
   */
  RAFT_MESSAGE_TYPE_VOTE: 'RAFT_MESSAGE_TYPE_VOTE',
  /**
   * Vote response.
   */
  RAFT_MESSAGE_TYPE_VOTE_RESP: 'RAFT_MESSAGE_TYPE_VOTE_RESP',
  /**
   * Pre-vote request.
   */
  RAFT_MESSAGE_TYPE_PRE_VOTE: 'RAFT_MESSAGE_TYPE_PRE_VOTE',
  /**
   * Pre-vote response.
   */
  RAFT_MESSAGE_TYPE_PRE_VOTE_RESP: 'RAFT_MESSAGE_TYPE_PRE_VOTE_RESP',
  /**
   * Snapshot install.
   */
  RAFT_MESSAGE_TYPE_SNAP: 'RAFT_MESSAGE_TYPE_SNAP',
  /**
   * Leader heartbeat (usually coalesced, see CoalescedHeartbeats).
   */
  RAFT_MESSAGE_TYPE_HEARTBEAT: 'RAFT_MESSAGE_TYPE_HEARTBEAT',
  /**
   * Heartbeat response (usually coalesced).
   */
  RAFT_MESSAGE_TYPE_HEARTBEAT_RESP: 'RAFT_MESSAGE_TYPE_HEARTBEAT_RESP',
  /**
   * Forwarded request to transfer leadership to `from`.
   */
  RAFT_MESSAGE_TYPE_TRANSFER_LEADER: 'RAFT_MESSAGE_TYPE_TRANSFER_LEADER',
  /**
   * Leader to transferee: campaign now.
   */
  RAFT_MESSAGE_TYPE_TIMEOUT_NOW: 'RAFT_MESSAGE_TYPE_TIMEOUT_NOW',
  /**
   * Read-index request forwarded to the leader.
   */
  RAFT_MESSAGE_TYPE_READ_INDEX: 'RAFT_MESSAGE_TYPE_READ_INDEX',
  /**
   * Read-index response.
   */
  RAFT_MESSAGE_TYPE_READ_INDEX_RESP: 'RAFT_MESSAGE_TYPE_READ_INDEX_RESP',
  /**
   * Local: sending to a peer failed.
   */
  RAFT_MESSAGE_TYPE_UNREACHABLE: 'RAFT_MESSAGE_TYPE_UNREACHABLE',
  /**
   * Local: outcome of sending a snapshot.
   */
  RAFT_MESSAGE_TYPE_SNAP_STATUS: 'RAFT_MESSAGE_TYPE_SNAP_STATUS',
  /**
   * Local: check quorum.
   */
  RAFT_MESSAGE_TYPE_CHECK_QUORUM: 'RAFT_MESSAGE_TYPE_CHECK_QUORUM',
} as const;

/**
 * Raft message types, numbered as MessageType in packages/raft/src/types.ts
 * (so the zero value is HUP, not UNSPECIFIED). Local types never travel: a
 * receiver drops them.
 */
export type RaftMessageType =
  /**
   * Local: election timeout elapsed.
   */
  | 'RAFT_MESSAGE_TYPE_HUP'
  | 0
  /**
   * Local: leader sends heartbeats.
   */
  | 'RAFT_MESSAGE_TYPE_BEAT'
  | 1
  /**
   * Local: a proposal.
   */
  | 'RAFT_MESSAGE_TYPE_PROP'
  | 2
  /**
   * Append entries.
   */
  | 'RAFT_MESSAGE_TYPE_APP'
  | 3
  /**
   * Append response.
   */
  | 'RAFT_MESSAGE_TYPE_APP_RESP'
  | 4
  /**
   * Vote request.
   */
  | 'RAFT_MESSAGE_TYPE_VOTE'
  | 5
  /**
   * Vote response.
   */
  | 'RAFT_MESSAGE_TYPE_VOTE_RESP'
  | 6
  /**
   * Pre-vote request.
   */
  | 'RAFT_MESSAGE_TYPE_PRE_VOTE'
  | 7
  /**
   * Pre-vote response.
   */
  | 'RAFT_MESSAGE_TYPE_PRE_VOTE_RESP'
  | 8
  /**
   * Snapshot install.
   */
  | 'RAFT_MESSAGE_TYPE_SNAP'
  | 9
  /**
   * Leader heartbeat (usually coalesced, see CoalescedHeartbeats).
   */
  | 'RAFT_MESSAGE_TYPE_HEARTBEAT'
  | 10
  /**
   * Heartbeat response (usually coalesced).
   */
  | 'RAFT_MESSAGE_TYPE_HEARTBEAT_RESP'
  | 11
  /**
   * Forwarded request to transfer leadership to `from`.
   */
  | 'RAFT_MESSAGE_TYPE_TRANSFER_LEADER'
  | 12
  /**
   * Leader to transferee: campaign now.
   */
  | 'RAFT_MESSAGE_TYPE_TIMEOUT_NOW'
  | 13
  /**
   * Read-index request forwarded to the leader.
   */
  | 'RAFT_MESSAGE_TYPE_READ_INDEX'
  | 14
  /**
   * Read-index response.
   */
  | 'RAFT_MESSAGE_TYPE_READ_INDEX_RESP'
  | 15
  /**
   * Local: sending to a peer failed.
   */
  | 'RAFT_MESSAGE_TYPE_UNREACHABLE'
  | 16
  /**
   * Local: outcome of sending a snapshot.
   */
  | 'RAFT_MESSAGE_TYPE_SNAP_STATUS'
  | 17
  /**
   * Local: check quorum.
   */
  | 'RAFT_MESSAGE_TYPE_CHECK_QUORUM'
  | 18

/**
 * Raft message types, numbered as MessageType in packages/raft/src/types.ts
 * (so the zero value is HUP, not UNSPECIFIED). Local types never travel: a
 * receiver drops them.
 */
export type RaftMessageType__Output = typeof RaftMessageType[keyof typeof RaftMessageType]
