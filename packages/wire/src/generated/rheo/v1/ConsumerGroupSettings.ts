// Original file: proto/rheo/v1/groups.proto

import type { StartingPosition as _rheo_v1_StartingPosition, StartingPosition__Output as _rheo_v1_StartingPosition__Output } from '../../rheo/v1/StartingPosition.js';

/**
 * A group's fixed settings.
 */
export interface ConsumerGroupSettings {
  /**
   * Where a shard with no checkpoint starts (TRIM_HORIZON, LATEST or AT_TIMESTAMP).
   */
  'initialPosition'?: (_rheo_v1_StartingPosition | null);
  /**
   * A lease not renewed for this long may be taken by another worker; 0 means 10000 ms.
   */
  'leaseDurationMs'?: (number);
}

/**
 * A group's fixed settings.
 */
export interface ConsumerGroupSettings__Output {
  /**
   * Where a shard with no checkpoint starts (TRIM_HORIZON, LATEST or AT_TIMESTAMP).
   */
  'initialPosition': (_rheo_v1_StartingPosition__Output | null);
  /**
   * A lease not renewed for this long may be taken by another worker; 0 means 10000 ms.
   */
  'leaseDurationMs': (number);
}
