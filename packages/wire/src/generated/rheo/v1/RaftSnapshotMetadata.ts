// Original file: proto/rheo/v1/internal.proto

import type { RaftConfState as _rheo_v1_RaftConfState, RaftConfState__Output as _rheo_v1_RaftConfState__Output } from '../../rheo/v1/RaftConfState.js';
import type { Long } from '@grpc/proto-loader';

/**
 * What a snapshot covers (types.ts SnapshotMetadata).
 */
export interface RaftSnapshotMetadata {
  /**
   * The last log index the snapshot covers.
   */
  'index'?: (number | string | Long);
  /**
   * The term of that entry.
   */
  'term'?: (number | string | Long);
  /**
   * Membership as of that index.
   */
  'confState'?: (_rheo_v1_RaftConfState | null);
}

/**
 * What a snapshot covers (types.ts SnapshotMetadata).
 */
export interface RaftSnapshotMetadata__Output {
  /**
   * The last log index the snapshot covers.
   */
  'index': (number);
  /**
   * The term of that entry.
   */
  'term': (number);
  /**
   * Membership as of that index.
   */
  'confState': (_rheo_v1_RaftConfState__Output | null);
}
