// Original file: proto/rheo/v1/internal.proto

import type { RaftEntryType as _rheo_v1_RaftEntryType, RaftEntryType__Output as _rheo_v1_RaftEntryType__Output } from '../../rheo/v1/RaftEntryType.js';
import type { Long } from '@grpc/proto-loader';

/**
 * A Raft log entry (types.ts Entry).
 */
export interface RaftEntry {
  /**
   * Term in which the entry was proposed.
   */
  'term'?: (number | string | Long);
  /**
   * Log index.
   */
  'index'?: (number | string | Long);
  /**
   * Normal or ConfChange.
   */
  'type'?: (_rheo_v1_RaftEntryType);
  /**
   * Opaque to Raft; for a shard the stored record batches, the same bytes from producer to consumer.
   */
  'data'?: (Buffer | Uint8Array | string);
}

/**
 * A Raft log entry (types.ts Entry).
 */
export interface RaftEntry__Output {
  /**
   * Term in which the entry was proposed.
   */
  'term': (number);
  /**
   * Log index.
   */
  'index': (number);
  /**
   * Normal or ConfChange.
   */
  'type': (_rheo_v1_RaftEntryType__Output);
  /**
   * Opaque to Raft; for a shard the stored record batches, the same bytes from producer to consumer.
   */
  'data': (Buffer);
}
