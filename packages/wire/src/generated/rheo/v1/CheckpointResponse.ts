// Original file: proto/rheo/v1/groups.proto

import type { GroupCheckpoint as _rheo_v1_GroupCheckpoint, GroupCheckpoint__Output as _rheo_v1_GroupCheckpoint__Output } from '../../rheo/v1/GroupCheckpoint.js';

/**
 * Checkpoint's result.
 */
export interface CheckpointResponse {
  /**
   * The checkpoint as stored.
   */
  'checkpoint'?: (_rheo_v1_GroupCheckpoint | null);
}

/**
 * Checkpoint's result.
 */
export interface CheckpointResponse__Output {
  /**
   * The checkpoint as stored.
   */
  'checkpoint': (_rheo_v1_GroupCheckpoint__Output | null);
}
