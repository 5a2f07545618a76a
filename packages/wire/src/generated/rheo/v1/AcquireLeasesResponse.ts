// Original file: proto/rheo/v1/groups.proto

import type { Lease as _rheo_v1_Lease, Lease__Output as _rheo_v1_Lease__Output } from '../../rheo/v1/Lease.js';

/**
 * AcquireLeases' result.
 */
export interface AcquireLeasesResponse {
  /**
   * Every lease the worker now holds (new and held before), with checkpoints to resume from.
   */
  'leases'?: (_rheo_v1_Lease)[];
}

/**
 * AcquireLeases' result.
 */
export interface AcquireLeasesResponse__Output {
  /**
   * Every lease the worker now holds (new and held before), with checkpoints to resume from.
   */
  'leases': (_rheo_v1_Lease__Output)[];
}
