// Original file: proto/rheo/v1/internal.proto

/**
 * Raft entry types, numbered as EntryType in packages/raft/src/types.ts.
 */
export const RaftEntryType = {
  /**
   * Application data: for a shard, one or more stored record batches back to back; empty data is a leader's no-op.
   */
  RAFT_ENTRY_TYPE_NORMAL: 'RAFT_ENTRY_TYPE_NORMAL',
  /**
   * A membership change; data is the raft package's encoded ConfChange.
   */
  RAFT_ENTRY_TYPE_CONF_CHANGE: 'RAFT_ENTRY_TYPE_CONF_CHANGE',
} as const;

/**
 * Raft entry types, numbered as EntryType in packages/raft/src/types.ts.
 */
export type RaftEntryType =
  /**
   * Application data: for a shard, one or more stored record batches back to back; empty data is a leader's no-op.
   */
  | 'RAFT_ENTRY_TYPE_NORMAL'
  | 0
  /**
   * A membership change; data is the raft package's encoded ConfChange.
   */
  | 'RAFT_ENTRY_TYPE_CONF_CHANGE'
  | 1

/**
 * Raft entry types, numbered as EntryType in packages/raft/src/types.ts.
 */
export type RaftEntryType__Output = typeof RaftEntryType[keyof typeof RaftEntryType]
