// Original file: proto/rheo/v1/internal.proto

import type { RaftSnapshotMetadata as _rheo_v1_RaftSnapshotMetadata, RaftSnapshotMetadata__Output as _rheo_v1_RaftSnapshotMetadata__Output } from '../../rheo/v1/RaftSnapshotMetadata.js';

/**
 * A snapshot (types.ts Snapshot). Shard snapshots are small (shard state
 * only; the retained log follows as appends). A snapshot larger than one
 * message allows is a later concern (it would need chunking).
 */
export interface RaftSnapshot {
  /**
   * What it covers.
   */
  'metadata'?: (_rheo_v1_RaftSnapshotMetadata | null);
  /**
   * The application's state, opaque to Raft.
   */
  'data'?: (Buffer | Uint8Array | string);
}

/**
 * A snapshot (types.ts Snapshot). Shard snapshots are small (shard state
 * only; the retained log follows as appends). A snapshot larger than one
 * message allows is a later concern (it would need chunking).
 */
export interface RaftSnapshot__Output {
  /**
   * What it covers.
   */
  'metadata': (_rheo_v1_RaftSnapshotMetadata__Output | null);
  /**
   * The application's state, opaque to Raft.
   */
  'data': (Buffer);
}
