// The internal entry for sibling packages (`@rheo/raft/internal`): helpers a
// RaftStorage implementation shares with the core, so both count entry
// bytes the same way.

export * from './index.js';
export { entriesBytes, limitSize } from './log.js';
export { majorityCommitted, majorityVoteResult } from './quorum/majority.js';
