// @rheo/storage: the node's LevelDB — every Raft group's log and state,
// group commit, retention trimming, the controller's metadata keyspace.
// See docs/storage.md.

export {
  CorruptDataError,
  GroupDeletingError,
  StorageClosedError,
  StorageError,
  type StorageErrorCode,
  StorageFormatError,
  StorageWriteError,
  UnknownGroupError,
} from './errors.js';
export { eventTurn } from './event-turn.js';
export type { BatchOp, BatchSink, Contribution, WriterLimits, WriterStats } from './group-commit-writer.js';
export { GroupCommitWriter } from './group-commit-writer.js';
export type { ApplyRequest, PersistRequest, SnapshotProvider } from './group-log.js';
export { GroupLog, STATE_LIST_ENTRIES_MAX } from './group-log.js';
export { META_LIST_ENTRIES_MAX, MetaStore, type MetaWrite } from './meta-store.js';
export { NodeStore, type NodeStoreStats, type OpenStoreHooks, STORAGE_FORMAT_VERSION } from './node-store.js';
export { DEFAULT_STORAGE_OPTIONS, type StorageOptions } from './options.js';
export type { StoredConfState, StoredEntry } from './records.js';
